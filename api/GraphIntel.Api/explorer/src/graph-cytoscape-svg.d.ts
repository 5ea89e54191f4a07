// cytoscape-svg ships no types: it is a cytoscape extension adding `cy.svg(options)`, which returns the SVG text.
declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const extension: Ext;
  export default extension;
}
