import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A titled list with its add button beside the title. */
export function Section({ title, add, children }: { title: string; add: ReactNode; children: ReactNode }) {
  return (
    <Flex vertical gap="small">
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {add}
      </Flex>
      {children}
    </Flex>
  );
}
