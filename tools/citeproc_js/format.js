// Format CSL-JSON items with citeproc-js (the processor behind Zotero), for tools/compare_citeproc_js.py.
// Usage: node format.js < request.json
//   request = {style: "path.csl", locale: "en-US", locales_dir: "dir with locales-xx-XX.xml",
//              items: [CSL-JSON], locator: {label, locator} | null}
// Prints {item id: {bibliography, citation}} as JSON, each item formatted alone (text output).
// Needs the npm package "citeproc" (npm install citeproc) on NODE_PATH or in ./node_modules.
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const req = JSON.parse(fs.readFileSync(0, "utf8"));
const style = fs.readFileSync(req.style, "utf8");
const out = {};
for (const item of req.items) {
  const sys = {
    retrieveLocale: (lang) => {
      const p = path.join(req.locales_dir, `locales-${lang}.xml`);
      return fs.existsSync(p) ? fs.readFileSync(p, "utf8") : false;
    },
    retrieveItem: (id) => req.items.find((i) => i.id === id),
  };
  const engine = new CSL.Engine(sys, style, req.locale, true);
  engine.setOutputFormat("text");
  engine.updateItems([item.id]);
  const bib = engine.makeBibliography();
  const cite = { id: item.id };
  if (req.locator) Object.assign(cite, req.locator);
  out[item.id] = {
    bibliography: bib[1].join("").trim(),
    citation: engine.makeCitationCluster([cite]).trim(),
  };
}
process.stdout.write(JSON.stringify(out));
