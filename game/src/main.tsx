import "./csp.ts"; // first: zod must not probe for eval under the page's CSP
import { render } from "preact";
import "./styles.css";
import { App } from "./ui/App.tsx";

const root = document.getElementById("app");
if (root) render(<App />, root);
