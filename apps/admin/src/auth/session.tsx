import type { Principal } from "@oha/domain";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { type ApiError, isApiError } from "../api/problem.js";
import type { Me } from "../api/types.js";

/** Where the API key is kept: for this browser tab only, gone when the tab closes. */
export const keyStorage = "oha.apiKey";

/** The signed-in state: who, in which tenant, and how to leave. */
export interface Session {
  readonly me: Me | undefined;
  readonly principal: Principal | undefined;
  /** True while a key kept from before a reload is checked again. */
  readonly restoring: boolean;
  /** Why a kept key could not be checked (for example the server is unreachable). */
  readonly restoreError: ApiError | undefined;
  /** Checks the kept key again after {@link restoreError}. */
  retryRestore(): void;
  /** Checks a key against the API (`GET /me`) and keeps it when it works. */
  signIn(key: string): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Reads the stored key; the HTTP client calls this on every request. */
export function storedKey(): string | undefined {
  try {
    return sessionStorage.getItem(keyStorage) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Holds the session. `loadMe` asks the server who a key belongs to; it is given the key to try
 * so that a wrong key never replaces a working one.
 */
export function SessionProvider({
  loadMe,
  initial,
  children,
}: {
  loadMe: (key: string) => Promise<Me>;
  initial?: Me;
  children: ReactNode;
}) {
  const client = useQueryClient();
  const [me, setMe] = useState<Me | undefined>(initial);
  const [restoring, setRestoring] = useState(() => !initial && storedKey() !== undefined);
  const [restoreError, setRestoreError] = useState<ApiError | undefined>();
  const [attempt, setAttempt] = useState(0);
  // After a reload the key is still in this tab: ask the server again who it belongs to.
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the check on purpose
  useEffect(() => {
    const key = storedKey();
    if (me || !key) {
      setRestoring(false);
      return;
    }
    let live = true;
    setRestoring(true);
    setRestoreError(undefined);
    loadMe(key)
      .then((who) => live && setMe(who))
      .catch((error: unknown) => {
        if (!live) return;
        if (isApiError(error) && (error.status === 401 || error.status === 403)) {
          sessionStorage.removeItem(keyStorage);
        } else if (isApiError(error)) setRestoreError(error);
        else throw error;
      })
      .finally(() => live && setRestoring(false));
    return () => {
      live = false;
    };
  }, [attempt, loadMe]);
  const signIn = useCallback(
    async (key: string) => {
      const trimmed = key.trim();
      const who = await loadMe(trimmed);
      sessionStorage.setItem(keyStorage, trimmed);
      client.clear();
      setMe(who);
    },
    [loadMe, client],
  );
  const signOut = useCallback(() => {
    sessionStorage.removeItem(keyStorage);
    client.clear();
    setMe(undefined);
  }, [client]);
  const value = useMemo<Session>(
    () => ({
      me,
      principal: me
        ? { role: me.principal.role, ...(me.principal.actorId ? { actorId: me.principal.actorId } : {}) }
        : undefined,
      restoring,
      restoreError,
      retryRestore: () => setAttempt((n) => n + 1),
      signIn,
      signOut,
    }),
    [me, restoring, restoreError, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession needs a SessionProvider");
  return session;
}
