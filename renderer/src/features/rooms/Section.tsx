import { Flex } from 'antd';
import type { ReactNode } from 'react';
import { SectionTitle } from '../../components/SectionTitle';

/** A titled list with its add button beside the title. */
export function Section({ title, add, children }: { title: string; add: ReactNode; children: ReactNode }) {
  return (
    <Flex vertical gap="small">
      <Flex justify="space-between" align="center">
        <SectionTitle>{title}</SectionTitle>
        {add}
      </Flex>
      {children}
    </Flex>
  );
}
