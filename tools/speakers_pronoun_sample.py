"""List PolNeAR gold attributions whose source is a pronoun with the speaker cc_speakers resolves it to,
for inspection by hand. The gold source/content spans are used (first annotator per metadata.tsv), so
only speaker resolution is exercised.

Usage: .venv/bin/python tools/speakers_pronoun_sample.py SPLIT N_DOCS SEED OUT.json  (SPLIT: train | dev)
Then shuffle OUT.json with random.Random(99) and judge items by hand."""
import csv, os, random, re, sys, json

from counterclaim.nlp.pipeline import get_nlp
from counterclaim.nlp.speakers import resolve_speakers
from counterclaim.model import Statement, Source, Span
split = sys.argv[1]; n_docs = int(sys.argv[2]); seed = int(sys.argv[3])
if split not in ('train', 'dev'):
    sys.exit('only train or dev: the test split is never looked at')
SHARED = os.environ.get('COUNTERCLAIM_SHARED', os.path.join(os.path.dirname(__file__), '..', '..', 'shared'))
root = os.path.join(SHARED, 'polnear', split)
meta = {r['filename']: r for r in csv.DictReader(open(os.path.join(SHARED, 'polnear', 'metadata.tsv')), delimiter='\t')}
files = sorted(os.listdir(f'{root}/attributions'))
byname = {}
for f in files:
    name = re.sub(r'_[0-9a-f]{4}\.ann$', '', f)
    byname.setdefault(name, []).append(f)
names = sorted(byname)
random.Random(seed).shuffle(names)
names = names[:n_docs]
nlp = get_nlp()
PR = {'he','she','they','it','we','i','him','her','them'}
out = []
for name in names:
    ann = byname[name]
    first = (meta.get(name, {}).get('annotators') or '').split('|')[0]
    pick = next((a for a in ann if a.endswith(f'_{first}.ann')), ann[0]) if first else ann[0]
    text = open(f'{root}/text/{name}.txt', encoding='utf-8').read()
    spans, rels = {}, []
    for line in open(f'{root}/attributions/{pick}', encoding='utf-8'):
        p = line.rstrip('\n').split('\t')
        if len(p) < 2: continue
        if p[0].startswith('T'):
            lab, _, offs = p[1].partition(' ')
            spans[p[0]] = [tuple(int(x) for x in q.split()) for q in offs.split(';')]
        elif p[0].startswith('E'):
            rels.append(dict(a.split(':', 1) for a in p[1].split() if ':' in a))
    sts = []
    for k, r in enumerate(rels):
        if 'Content' not in r or r['Content'] not in spans: continue
        content = [Span(s, e, text[s:e]) for s, e in spans[r['Content']]]
        src = None
        if r.get('Source') in spans:
            rs = spans[r['Source']]
            s, e = rs[0][0], rs[-1][1]
            src = Source(Span(s, e, text[s:e]))
        sts.append(Statement(id=f'S{k}', content=content, source=src))
    doc = nlp.make_doc(text)
    for nm, proc in nlp.pipeline:
        if nm.startswith('cc_'): break
        doc = proc(doc)
    resolve_speakers(doc, sts)
    for st in sts:
        if st.source and st.source.span.text.strip().lower() in PR:
            s0 = st.source.span.start
            ctx = text[max(0, s0 - 350):s0].replace('\n', ' / ')
            e = st.source.entity
            out.append({'doc': name, 'pron': st.source.span.text, 'start': s0,
                        'resolved': (e.name + ' [' + e.type + (', ' + e.role if e.role else '') + ']') if e else None,
                        'context': ctx, 'after': text[s0:s0+80].replace('\n',' / ')})
print(len(out), file=sys.stderr)
json.dump(out, open(sys.argv[4], 'w'), ensure_ascii=False, indent=1)
