// The per-request CSP nonce (server.mjs makes one for every response and names it in the header's
// script-src). The server renders it into every script Remix writes; in the browser it is "" (browsers
// hide a nonce from the page once it has been used, and nothing there needs it).
import { createContext, useContext } from "react";

export const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
