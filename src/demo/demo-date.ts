/*
 * The day the demo's story is told on. Overdue commitments, open cycles and deadlines all depend
 * on the date, and the seeds stop in September 2024: on 1 October 2024 the 10 September board is
 * past, the next board's papers are being written and some commitments have slipped.
 */
export const demoDate = '2024-10-01';
