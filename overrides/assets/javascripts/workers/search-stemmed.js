// Material's search worker with one change: the words the reader types are
// stemmed like the index before the prefix match. Material adds a trailing
// wildcard to every word, and lunr skips stemming for wildcard terms, so with
// a stemmed index "especialistas" would never find "especialista". Here the
// typed word goes through the language's search pipeline first, then keeps
// its wildcard: "contratos" → "contrat*" finds contrato, contratar, contratas.
//
// Lives next to Material's worker so that worker's relative "../lunr" paths
// still resolve; overrides/main.html points the config at this file and
// passes Material's (hashed) worker name as ?material=.
const material = new URL(self.location.href).searchParams.get("material");
if (!/^search\.[0-9a-f]+\.min\.js$/.test(material || "")) {
  throw new Error(`unexpected search worker name: ${material}`);
}

function stemTypedWords(lunr) {
  const query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    const searchPipeline = this.pipeline;
    return query.call(this, function (q) {
      build.call(this, q);
      for (const clause of q.clauses) {
        const word = /^([^*]+)\*$/.exec(clause.term);
        if (clause.usePipeline || !word) continue;
        const [stem] = searchPipeline.runString(word[1]);
        if (stem) clause.term = `${stem}*`;
      }
    });
  };
}

// Material's worker publishes its bundled lunr as self.lunr; patch it there.
let published;
Object.defineProperty(self, "lunr", {
  configurable: true,
  get: () => published,
  set(lunr) {
    published = lunr;
    stemTypedWords(lunr);
  },
});

// Material's worker and lunr (~17 KB gzip) load with the first message, the index,
// which the page sends only once the reader opens search
// (partials/deferred-requests.html). Listeners added while a message is being
// dispatched miss that message, so it is dispatched again for Material's.
self.addEventListener(
  "message",
  (event) => {
    importScripts(material);
    self.dispatchEvent(new MessageEvent("message", { data: event.data }));
  },
  { once: true },
);
