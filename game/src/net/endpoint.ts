/** Where the game server is: the page's own origin, or the server's port beside Vite's during development. */
export const serverUrl = (): string => (import.meta.env.DEV ? `${location.protocol}//${location.hostname}:2567` : location.origin);
