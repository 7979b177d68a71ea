import { useCallback } from 'react';
import { maskName } from '../../../shared/domain/privacy';
import { usePrivacyMask } from '../stores/settings';

/** A student's or guardian's name as it may appear on screen right now. */
export function useShownName(): (name: string) => string {
  const masked = usePrivacyMask();
  return useCallback((name: string) => (masked ? maskName(name) : name), [masked]);
}

export function PersonName({ name }: { name: string }) {
  return <>{useShownName()(name)}</>;
}
