#!/usr/bin/env python3
# gen_large_docx.py TARGET_MIB OUT: a DOCX whose word/document.xml inflates to about TARGET_MIB MiB,
# for the peak-memory figures in docs/performance.md. Word-like paragraphs (paragraph and run
# properties), two alternating speakers, seeded random words (so it deflates about 6:1, far from
# the 200:1 zip-bomb limit). Python 3 standard library only; write the output outside the repository.
import random, sys, zipfile
target = int(float(sys.argv[1]) * 1024 * 1024); out = sys.argv[2]
rng = random.Random(14)
words = [''.join(rng.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(rng.randint(2, 9))) for _ in range(3000)]
head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/'
        'wordprocessingml/2006/main"><w:body>')
tail = '</w:body></w:document>'
ct = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    z.writestr('[Content_Types].xml', ct); z.writestr('_rels/.rels', rels)
    with z.open('word/document.xml', 'w', force_zip64=True) as f:
        f.write(head.encode()); n = len(head) + len(tail); i = 0
        while n < target:
            who = 'Interviewer' if i % 2 == 0 else 'P01'
            runs = ''.join('<w:r><w:rPr><w:rFonts w:ascii="Calibri"/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">%s </w:t></w:r>'
                           % ' '.join(rng.choice(words) for _ in range(rng.randint(4, 14))) for _ in range(rng.randint(1, 4)))
            p = '<w:p><w:pPr><w:spacing w:after="120"/></w:pPr><w:r><w:t xml:space="preserve">%s: </w:t></w:r>%s</w:p>' % (who, runs)
            f.write(p.encode()); n += len(p); i += 1
        f.write(tail.encode())
