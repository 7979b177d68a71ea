import { api } from '../../api/client';
import { useCall } from '../../lib/useCall';

const listRooms = ({ includeInactive }: { includeInactive: boolean }) => api.rooms.list({ includeInactive });
const listUsers = () => api.users.list({});

/** The rooms, by name; a booking may only go to an active one. */
export function useRooms(includeInactive = false) {
  return useCall(listRooms, { includeInactive });
}

/** Enabled counselors: the people an appointment can be booked with. */
export function useCounselors() {
  const users = useCall(listUsers, {});
  return (users.data?.items ?? []).filter((u) => u.role === 'counselor' && !u.disabled);
}
