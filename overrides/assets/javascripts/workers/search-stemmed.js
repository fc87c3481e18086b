// Material's search worker, made to forgive the way people type on phones:
//
// - Typed words are stemmed like the index before the prefix match. Material adds a
//   trailing wildcard to every word, and lunr skips stemming for wildcard terms, so with
//   a stemmed index "especialistas" would never find "especialista". Here the typed word
//   goes through the language's search pipeline first, then keeps its wildcard:
//   "contratos" → "contrat*" finds contrato, contratar, contratas.
// - Accents are folded on both sides, before the stemmer: "penalizacion" finds
//   "penalización" (phone keyboards make accents a long press).
// - Synonyms of the language (config.synonyms, written into the index by macros/search.py)
//   widen a word: "multa" also finds "penalización".
// - Material marks a typed word "Missing" when no matched index term starts with it, which
//   a stem never does ("penaliz" vs "penalización"): every result flagged it. Matched words
//   are named in the result's metadata under the typed word (an empty entry, which
//   Material reads for that check only), and so are the language's stop words ("de"), typed
//   with or without their accent ("mas" for "más").
//
// Lives next to Material's worker so that worker's relative "../lunr" paths still
// resolve; overrides/main.html points the config at this file and passes Material's
// (hashed) worker name as ?material=.
const material = new URL(self.location.href).searchParams.get("material");
if (!/^search\.[0-9a-f]+\.min\.js$/.test(material || "")) {
  throw new Error(`unexpected search worker name: ${material}`);
}

const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
const ACUTE = { a: "á", e: "é", i: "í", o: "ó", u: "ú" };
// "mas" → ["más"]: the word with one vowel accented, each vowel in turn.
const accentedForms = (word) =>
  [...word].flatMap((c, i) => (ACUTE[c] ? [word.slice(0, i) + ACUTE[c] + word.slice(i + 1)] : []));
let synonymGroups = [];  // [["multa", "penalización", …], …] from the index's config
let typedThisSearch = null;  // typed word → the stems it may match, for the current search
let isStopWord = () => false;  // the index's stop-word filter (the search pipeline has none)

function foldAccents(lunr) {
  const foldToken = (token) => token.update(fold);
  lunr.Pipeline.registerFunction(foldToken, "foldAccents");
  const build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    const stopWordFilter = this.pipeline._stack.find((fn) => /^stopWordFilter/.test(fn.label || ""));
    // Typed without its accent, a stop word is one still ("mas" for "más"): the index has no "mas".
    if (stopWordFilter) {
      isStopWord = (word) => [word, ...accentedForms(word)].some((form) => !stopWordFilter(new lunr.Token(form)));
    }
    for (const pipeline of [this.pipeline, this.searchPipeline]) {
      const stemmer = pipeline._stack.find((fn) => /^stemmer/.test(fn.label || ""));
      if (stemmer) pipeline.before(stemmer, foldToken);
      else pipeline.add(foldToken);
    }
    return build.call(this);
  };
}

function stemsOf(pipeline, word) {
  return pipeline.runString(word).filter(Boolean);
}

let stemmedGroups = null;  // the synonym groups through the search pipeline, once

function synonymStems(pipeline, stem) {
  stemmedGroups ??= synonymGroups.map((group) => group.flatMap((word) => stemsOf(pipeline, word.toLowerCase())));
  const found = new Set();
  for (const stems of stemmedGroups) {
    if (stems.includes(stem)) for (const other of stems) if (other !== stem) found.add(other);
  }
  return [...found];
}

function stemTypedWords(lunr) {
  const query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    const searchPipeline = this.pipeline;
    return query.call(this, function (q) {
      build.call(this, q);
      const extra = [];
      const stopWords = [];
      for (const clause of q.clauses) {
        const word = /^([^*]+)\*$/.exec(clause.term);
        if (clause.usePipeline || !word) continue;
        const [stem] = isStopWord(word[1]) ? [] : stemsOf(searchPipeline, word[1]);
        if (!stem) {
          // A stop word ("de"): as a prefix it matched every word starting with it.
          typedThisSearch?.set(word[1], []);  // never "missing"
          stopWords.push(clause);
          continue;
        }
        clause.term = `${stem}*`;
        const synonyms = synonymStems(searchPipeline, stem);
        typedThisSearch?.set(word[1], [stem, ...synonyms]);
        for (const other of synonyms) {
          extra.push({
            ...clause, term: other, boost: (clause.boost || 1) / 2,
            wildcard: lunr.Query.wildcard.TRAILING, presence: lunr.Query.presence.OPTIONAL,
          });
        }
      }
      if (stopWords.length < q.clauses.length) q.clauses = q.clauses.filter((clause) => !stopWords.includes(clause));
      for (const clause of extra) q.clause(clause);
    });
  };

  const search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (queryString) {
    typedThisSearch = new Map();
    try {
      const results = search.call(this, queryString);
      for (const { matchData } of results) {
        const terms = Object.keys(matchData.metadata);
        for (const [typed, stems] of typedThisSearch) {
          const matched = stems.length === 0 || terms.some((term) => stems.some((stem) => term.startsWith(stem)));
          if (matched && !(typed in matchData.metadata)) matchData.metadata[typed] = {};
        }
      }
      return results;
    } finally {
      typedThisSearch = null;
    }
  };
}

// Material's worker publishes its bundled lunr as self.lunr; patch it there.
let published;
Object.defineProperty(self, "lunr", {
  configurable: true,
  get: () => published,
  set(lunr) {
    published = lunr;
    foldAccents(lunr);
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
    const synonyms = event.data?.data?.config?.synonyms;
    if (Array.isArray(synonyms)) synonymGroups = synonyms.filter(Array.isArray);
    importScripts(material);
    self.dispatchEvent(new MessageEvent("message", { data: event.data }));
  },
  { once: true },
);
