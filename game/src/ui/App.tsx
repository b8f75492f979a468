/**
 * The three entry points and the join flow: `/` and `/j/<code>` for participants, `/spelleider/<secret>` for the
 * facilitator's console (also at `/terugkom/<secret>`, the link for the terugkombijeenkomst), `/beamer/<code>` for
 * the projector; `/nieuw` creates a session.
 */
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Connection } from "../net/connection.ts";
import { RETRY_MS, ServerUnreachable } from "../net/http.ts";
import { t } from "#shared/strings/index.ts";
import { JoinScreen } from "./JoinScreen.tsx";
import { ParticipantScreen } from "./ParticipantScreen.tsx";
import { routeOf } from "./route.ts";

/**
 * The console, the beamer and /nieuw are loaded when they are opened: a participant's first visit of `/` downloads
 * only the join flow and the phone screens.
 */
function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return function Lazy(props: P) {
    const [loaded, setLoaded] = useState<{ C: ComponentType<P> } | { error: string } | null>(null);
    useEffect(() => {
      load().then(
        (C) => setLoaded({ C }),
        (error: unknown) => setLoaded({ error: error instanceof Error ? error.message : String(error) }),
      );
    }, []);
    if (loaded === null) return <main class="page"><p role="status">{t.common.loading}</p></main>;
    if ("error" in loaded) {
      return (
        <main class="page">
          <section class="card" role="alert">
            <h1>{t.common.error}</h1>
            <p>{loaded.error}</p>
          </section>
        </main>
      );
    }
    return <loaded.C {...props} />;
  };
}

const BeamerScreen = lazy(() => import("./beamer/BeamerScreen.tsx").then((m) => m.BeamerScreen));
const SpelleiderScreen = lazy(() => import("./spelleider/SpelleiderScreen.tsx").then((m) => m.SpelleiderScreen));
const CreateSession = lazy(() => import("./CreateSession.tsx").then((m) => m.CreateSession));

export function App() {
  const route = routeOf(location.pathname);
  switch (route.kind) {
    case "join":
      return <ParticipantFlow code={route.code} />;
    case "nieuw":
      return <CreateSession />;
    case "spelleider":
      return <Connected join={() => Connection.join({ as: "spelleider", secret: route.secret })} render={(conn) => <SpelleiderScreen conn={conn} />} />;
    case "beamer":
      return <Connected join={() => Connection.join({ as: "beamer", code: route.code })} render={(conn) => <BeamerScreen conn={conn} />} />;
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}

function ParticipantFlow({ code }: { code: string }) {
  const [conn, setConn] = useState<Connection | null>(null);
  return conn ? <ParticipantScreen conn={conn} /> : <JoinScreen initialCode={code} onJoined={setConn} />;
}

/** Connects once, then hands the connection to the screen; a failure is said in Dutch. */
function Connected({ join, render }: { join: () => Promise<Connection>; render: (conn: Connection) => preact.JSX.Element }) {
  const [state, setState] = useState<{ conn: Connection } | { error: string; retrying: boolean } | null>(null);
  useEffect(() => {
    // A beamer switched on before the Wi-Fi (or the server) is up keeps trying, so nobody has to reload it on the
    // projector; a refusal (a wrong link) is said once and stays.
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () =>
      join().then(
        (conn) => {
          if (!stopped) setState({ conn });
        },
        (error: unknown) => {
          if (stopped) return;
          const retrying = error instanceof ServerUnreachable;
          setState({ error: error instanceof Error ? error.message : String(error), retrying });
          if (retrying) timer = setTimeout(attempt, RETRY_MS);
        },
      );
    void attempt();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  if (state === null) return <main class="page"><p role="status">{t.common.loading}</p></main>;
  if ("error" in state) {
    return (
      <main class="page">
        <section class="card" role="alert">
          <h1>{state.retrying ? t.connection.waiting : t.common.error}</h1>
          <p>{state.retrying ? t.connection.retrying : state.error}</p>
        </section>
      </main>
    );
  }
  return render(state.conn);
}
