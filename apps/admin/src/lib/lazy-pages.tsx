import { type ComponentType, use } from "react";

/** The names of a module's exports that are components. */
type PageName<M> = { [K in keyof M]: M[K] extends ComponentType<never> ? K : never }[keyof M] & string;

/** A component's props. */
type PropsOf<C> = C extends ComponentType<infer P> ? P & object : never;

/** Every page module's loader, for `preloadPages`. */
const loaders: (() => Promise<unknown>)[] = [];

/**
 * The pages of one module, each loaded when it is first shown: the module becomes a JavaScript
 * file of its own, so the first page does not wait for the code of every other page. A page
 * module loaded once serves all its pages at once. The layout shows "loading" meanwhile
 * (`<Suspense>`); a module that fails to load (the network, a new version on the server) is an
 * error for the error boundary, and is asked for again on the next visit.
 *
 *     const actors = lazyPages(() => import("../pages/actors.js"));
 *     const ActorList = actors("ActorList");
 */
export function lazyPages<M>(load: () => Promise<M>) {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  const loaded = (): Promise<M> => {
    loading ??= load().then(
      (value) => {
        module = value;
        return value;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  loaders.push(loaded);
  return <K extends PageName<M>>(name: K): ComponentType<PropsOf<M[K]>> => {
    function LazyPage(props: PropsOf<M[K]>) {
      // Once loaded, the page renders at once; before, `use` suspends until its module is there.
      const Page = (module ?? use(loaded()))[name] as ComponentType<PropsOf<M[K]>>;
      return <Page {...props} />;
    }
    LazyPage.displayName = `Lazy(${name})`;
    return LazyPage;
  };
}

/** Loads every page module now (the component tests: every page then renders at once). */
export async function preloadPages(): Promise<void> {
  await Promise.all(loaders.map((load) => load()));
}
