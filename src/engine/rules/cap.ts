// R5: högkostnadsskydd. room = max(0, min(maxtaxa, avgiftsutrymme) − other capped fees).
import { formatKr, ZERO, type Money } from '../money.js';

export interface CapOutcome {
  readonly room: Money;
  /** Negative, or zero when the capped fees fit in the room. */
  readonly reduction: Money;
  readonly explanation: string;
}

export function applyCap(cappedFees: Money, maxtaxa: Money, other: Money, ability: Money | undefined): CapOutcome {
  const limit = ability !== undefined && ability.lessThan(maxtaxa) ? ability : maxtaxa;
  const rawRoom = other.isZero() ? limit : limit.minus(other);
  const room = rawRoom.isNegative() ? ZERO : rawRoom;
  if (cappedFees.lessThanOrEqualTo(room)) return { room, reduction: ZERO, explanation: '' };
  const limitText =
    ability !== undefined
      ? `det lägsta av maxtaxan ${formatKr(maxtaxa)} och avgiftsutrymmet ${formatKr(ability)}`
      : `maxtaxan ${formatKr(maxtaxa)}`;
  const otherText = other.isZero() ? '' : ` minus övriga avgifter inom skyddet ${formatKr(other)}`;
  return {
    room,
    reduction: room.minus(cappedFees),
    explanation: `Avgifterna inom högkostnadsskyddet är ${formatKr(cappedFees)} men utrymmet är ${formatKr(room)} (${limitText}${otherText}), så ${formatKr(cappedFees.minus(room))} dras av.`,
  };
}

/** R5 for one person and month as VT.HKS shows it: what is left to charge of the capped fees. */
export function chargedAfterCap(cappedFees: Money, maxtaxa: Money, other: Money, ability: Money | undefined): Money {
  const { reduction } = applyCap(cappedFees, maxtaxa, other, ability);
  return reduction.isZero() ? cappedFees : cappedFees.plus(reduction);
}
