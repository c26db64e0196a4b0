import { Component, type ErrorInfo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "./ProblemAlert.js";

function Fallback({ error, onReset }: { error: unknown; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="main">
      <h1>{t("problem.pageTitle")}</h1>
      <ProblemAlert error={error} />
      <button type="button" className="button primary" onClick={onReset}>
        {t("actions.retry")}
      </button>
    </div>
  );
}

/** Catches a rendering failure so the page shows what went wrong instead of going blank. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey?: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== undefined) {
      this.setState({ error: undefined });
    }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.error !== undefined) {
      return <Fallback error={this.state.error} onReset={() => this.setState({ error: undefined })} />;
    }
    return this.props.children;
  }
}
