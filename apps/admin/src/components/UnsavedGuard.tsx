import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useBlocker } from "react-router";

/**
 * Guards a form with unsaved changes: leaving it inside the app asks first (stay or discard),
 * and closing or reloading the tab gets the browser's own warning. `allow` lets a save leave
 * without asking.
 */
export function useUnsavedGuard(dirty: boolean) {
  const allowed = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      !allowed.current &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (allowed.current) return;
      event.preventDefault();
      // Older browsers show the dialog only when a value is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  return {
    /** Call before navigating after a successful save. */
    allow: () => {
      allowed.current = true;
    },
    dialog:
      blocker.state === "blocked" ? <UnsavedDialog onStay={blocker.reset} onLeave={blocker.proceed} /> : null,
  };
}

function UnsavedDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const { t } = useTranslation();
  const stayRef = useRef<HTMLButtonElement>(null);
  useEffect(() => stayRef.current?.focus(), []);
  return (
    <div
      className="alert alert-warning"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="unsaved-title"
      aria-describedby="unsaved-message"
    >
      <p className="alert-title" id="unsaved-title">
        {t("unsaved.title")}
      </p>
      <p id="unsaved-message">{t("unsaved.message")}</p>
      <div className="button-row">
        <button ref={stayRef} type="button" className="button primary" onClick={onStay}>
          {t("unsaved.stay")}
        </button>
        <button type="button" className="button secondary" onClick={onLeave}>
          {t("unsaved.leave")}
        </button>
      </div>
    </div>
  );
}
