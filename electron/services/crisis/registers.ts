import { CounselError } from '../../../shared/api/errors';
import { weekOf } from '../../../shared/domain/dates';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { assertActiveOrAcknowledged, requireStudentRef, schoolDate } from '../common/clinical';
import { invalid } from '../common/validation';
import {
  currentPlan,
  getPartner,
  getPeer,
  getWeather,
  insertPlan,
  insertWeather,
  listPartners,
  listPeers,
  peerIdOfStudent,
  planExists,
  planVersions,
  savePartner,
  savePeer,
  weatherExists,
  weatherOfWeek,
} from './crisis-repo';

type RegisterMethods =
  | 'referralPartners.list'
  | 'referralPartners.save'
  | 'peerSupporters.list'
  | 'peerSupporters.save'
  | 'peerSupporters.addWeather'
  | 'peerSupporters.weather'
  | 'crisisPlan.current'
  | 'crisisPlan.get'
  | 'crisisPlan.save';

const notFound = (path: string, id: string) => new CounselError('NOT_FOUND', 'errors.notFound', { path, id });

/** The registers the crisis steps draw on: referral partners, peer supporters and their class reports, the written procedure. */
export const registerHandlers: HandlerMap<RegisterMethods> = {
  'referralPartners.list': dbHandler<'referralPartners.list'>({ run: ({ db }, input) => ({ items: listPartners(db, input.includeInactive) }) }),

  'referralPartners.save': dbHandler<'referralPartners.save'>({
    run: (ctx, input) => {
      const before = input.id === undefined ? null : getPartner(ctx.db, input.id);
      if (input.id !== undefined && !before) throw notFound('id', input.id);
      const id = savePartner(ctx.db, input, ctx.now);
      ctx.audit = { targetType: 'referralPartner', targetId: id, details: { active: input.active, ...(before && before.active !== input.active ? { activeBefore: before.active } : {}) } };
      return getPartner(ctx.db, id)!;
    },
  }),

  'peerSupporters.list': dbHandler<'peerSupporters.list'>({ run: ({ db }, input) => ({ items: listPeers(db, input.includeInactive) }) }),

  'peerSupporters.save': dbHandler<'peerSupporters.save'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const before = input.id === undefined ? null : getPeer(db, input.id);
      if (input.id !== undefined && !before) throw notFound('id', input.id);
      if (before && before.studentId !== input.studentId) throw invalid('studentId', 'errors.crisis.peerStudentFixed');
      if (!before) {
        assertActiveOrAcknowledged(requireStudentRef(db, input.studentId, 'studentId'), false, 'errors.crisis.peerInactiveStudent', 'studentId');
        if (peerIdOfStudent(db, input.studentId) !== null) throw invalid('studentId', 'errors.crisis.peerExists');
      }
      const id = savePeer(db, { id: before?.id ?? null, studentId: input.studentId, since: input.since, active: input.active }, now);
      ctx.audit = { targetType: 'peerSupporter', targetId: id, details: { studentId: input.studentId, active: input.active, ...(before ? { activeBefore: before.active } : {}) } };
      return getPeer(db, id)!;
    },
  }),

  'peerSupporters.addWeather': dbHandler<'peerSupporters.addWeather'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const peer = getPeer(db, input.peerId);
      if (!peer || !peer.active) throw invalid('peerId', 'errors.crisis.unknownPeer');
      const weekStart = weekOf(input.weekOf).start;
      if (weekStart > schoolDate(db, now)) throw invalid('weekOf', 'errors.field.futureDate');
      if (weatherExists(db, peer.id, weekStart)) throw new CounselError('CONFLICT', 'errors.crisis.weatherExists', { path: 'weekOf', weekStart });
      const id = insertWeather(db, { peerId: peer.id, weekStart, weather: input.weather, note: input.note, by: ctx.actor.userId }, now);
      ctx.audit = { targetType: 'peerSupporter', targetId: peer.id, details: { weekStart, weather: input.weather } };
      return getWeather(db, id);
    },
  }),

  'peerSupporters.weather': dbHandler<'peerSupporters.weather'>({ run: ({ db }, input) => ({ items: weatherOfWeek(db, weekOf(input.weekOf).start) }) }),

  'crisisPlan.current': dbHandler<'crisisPlan.current'>({
    run: ({ db, now }) => {
      const plan = currentPlan(db, schoolDate(db, now));
      return plan && { version: plan.version, effectiveOn: plan.effectiveOn, savedAt: plan.savedAt };
    },
  }),

  'crisisPlan.get': dbHandler<'crisisPlan.get'>({ run: ({ db, now }) => ({ current: currentPlan(db, schoolDate(db, now)), versions: planVersions(db) }) }),

  'crisisPlan.save': dbHandler<'crisisPlan.save'>({
    run: (ctx, input) => {
      if (planExists(ctx.db, input.version)) throw new CounselError('CONFLICT', 'errors.crisis.planVersionExists', { path: 'version', version: input.version });
      insertPlan(ctx.db, { ...input, by: ctx.actor.userId }, ctx.now);
      ctx.audit = { targetType: 'crisisPlan', targetId: null, details: { version: input.version, effectiveOn: input.effectiveOn } };
      return { version: input.version, effectiveOn: input.effectiveOn, savedAt: ctx.now };
    },
  }),
};
