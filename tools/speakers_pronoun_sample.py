"""List PolNeAR gold attributions whose source is a pronoun with the speaker cc_speakers resolves it to,
for inspection by hand. The gold source/content spans are used (first annotator per metadata.tsv), so
only speaker resolution is exercised (the spans are read by evaluate.brat_attributions).

Usage: .venv/bin/python tools/speakers_pronoun_sample.py SPLIT N_DOCS SEED OUT.json  (SPLIT: train | dev)
Then shuffle OUT.json with random.Random(99) and judge items by hand."""
import os
import random
import re
import sys
import json

from counterclaim.nlp.pipeline import get_nlp
from counterclaim.nlp.speakers import resolve_speakers
from counterclaim.dev.evaluate import brat_attributions, polnear_metadata
split = sys.argv[1]
n_docs = int(sys.argv[2])
seed = int(sys.argv[3])
if split not in ('train', 'dev'):
    sys.exit('only train or dev: the test split is never looked at')
SHARED = os.environ.get('COUNTERCLAIM_SHARED', os.path.join(os.path.dirname(__file__), '..', '..', 'shared'))
root = os.path.join(SHARED, 'polnear', split)
meta = polnear_metadata(root)
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
    sts = brat_attributions(f'{root}/attributions/{pick}', text)
    doc = nlp.make_doc(text)
    for nm, proc in nlp.pipeline:
        if nm == 'cc_attribution':  # the parse (and cc_line_breaks), none of the analysis
            break
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
