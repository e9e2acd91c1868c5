/** Today's date (YYYY-MM-DD, UTC) as services see it; tests and the demo pass a fixed one. */
export type Clock = () => string;

export const systemClock: Clock = () => new Date().toISOString().slice(0, 10);
