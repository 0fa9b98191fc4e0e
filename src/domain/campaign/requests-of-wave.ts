// Expands a wave into one request per recipient, each with its deadline computed once and stored with its rule.
import { computeDeadline } from '../deadlines/compute-deadline.ts';
import type { Request, Wave } from './campaign.ts';

export const requestsOfWave = (wave: Wave): Request[] => {
  const deadline = computeDeadline(wave.sent, wave.deadlineRule);
  return wave.recipients.map((jurisdiction) => ({ wave: wave.id, jurisdiction, sent: wave.sent, deadline }));
};
