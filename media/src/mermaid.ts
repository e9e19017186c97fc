/**
 * Mermaid, bundled once for every webview page (the preview and the case
 * page load it before their own script) instead of once inside each.
 */
import mermaid from 'mermaid';

(globalThis as { casebookMermaid?: typeof mermaid }).casebookMermaid = mermaid;
