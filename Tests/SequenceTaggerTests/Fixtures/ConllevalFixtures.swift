// Hand-made conlleval inputs and the reports of the original conlleval script (v2004-01-26,
// Erik Tjong Kim Sang) on them, produced by running the script; the script itself is not part
// of the project. Each case lists the script's options, the input and its exact stdout.

struct ConllevalFixture: Sendable, CustomStringConvertible {
    let name: String
    let options: [String]
    let input: String
    let expected: String
    var description: String { ([name] + options).joined(separator: " ") }
}

enum ConllevalFixtures {
    static let all: [ConllevalFixture] = [
        ConllevalFixture(name: "adjacent", options: [],
                         input: "the DT B-NP B-NP\ncat NN I-NP I-NP\nthe DT B-NP I-NP\ndog NN I-NP I-NP\nand CC O O\nI PRP B-NP B-NP\nyou PRP B-NP B-NP\nhim PRP B-NP I-NP\n",
                         expected: "processed 8 tokens with 5 phrases; found: 3 phrases; correct: 1.\naccuracy:  75.00%; precision:  33.33%; recall:  20.00%; FB1:  25.00\n               NP: precision:  33.33%; recall:  20.00%; FB1:  25.00  3\n"),
        ConllevalFixture(name: "basic", options: [],
                         input: "Mr. NNP B-PER B-PER\nSmith NNP I-PER I-PER\nwent VBD O O\nto TO O O\nNew NNP B-LOC B-ORG\nYork NNP I-LOC I-ORG\n. . O O\n\nHe PRP O O\nsaid VBD O B-MISC\nit PRP O I-MISC\nrained VBD O O\n",
                         expected: "processed 11 tokens with 2 phrases; found: 3 phrases; correct: 1.\naccuracy:  63.64%; precision:  33.33%; recall:  50.00%; FB1:  40.00\n              LOC: precision:   0.00%; recall:   0.00%; FB1:   0.00  0\n             MISC: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n              ORG: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n              PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n"),
        ConllevalFixture(name: "boundary_x", options: [],
                         input: "-X- -X- O O\nthe DT B-NP B-NP\ncat NN I-NP I-NP\n-X- -X- B-NP B-NP\nsat VBD B-VP B-VP\non IN B-PP I-VP\n-X- x I-NP I-NP\nmat NN I-NP I-NP\n",
                         expected: "processed 5 tokens with 4 phrases; found: 3 phrases; correct: 2.\naccuracy:  80.00%; precision:  66.67%; recall:  50.00%; FB1:  57.14\n               NP: precision: 100.00%; recall: 100.00%; FB1: 100.00  2\n               PP: precision:   0.00%; recall:   0.00%; FB1:   0.00  0\n               VP: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n"),
        ConllevalFixture(name: "empty_sentences", options: [],
                         input: "\n\nfirst X B-NP B-NP\n\n\n\nsecond X B-NP I-NP\nthird X I-NP I-NP\n\n\n",
                         expected: "processed 3 tokens with 2 phrases; found: 2 phrases; correct: 2.\naccuracy:  66.67%; precision: 100.00%; recall: 100.00%; FB1: 100.00\n               NP: precision: 100.00%; recall: 100.00%; FB1: 100.00  2\n"),
        ConllevalFixture(name: "hyphens", options: [],
                         input: "Yesterday NN B-ARGM-TMP B-ARGM-TMP\nmorning NN I-ARGM-TMP I-ARGM-TMP\nJohn NNP B-ARG0 B-ARG0\nate VBD B-V B-V\nthe DT B-ARG1 B-ARG1\napple NN I-ARG1 I-ARG-1\nquickly RB B-ARGM-MNR B-ARGM-MNR\n\nx X B-A-B-C I-A-B-C\ny X I-A-B-C I-A-B\n",
                         expected: "processed 9 tokens with 6 phrases; found: 8 phrases; correct: 4.\naccuracy:  66.67%; precision:  50.00%; recall:  66.67%; FB1:  57.14\n              A-B: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n            A-B-C: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n            ARG-1: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n             ARG0: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n             ARG1: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n         ARGM-MNR: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n         ARGM-TMP: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n                V: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n"),
        ConllevalFixture(name: "i_after_o", options: [],
                         input: "a X O I-NP\nb X I-NP I-NP\nc X O O\nd X I-VP O\ne X I-NP I-NP\nf X I-VP I-NP\ng X O I-PP\n\nh X I-NP O\n",
                         expected: "processed 8 tokens with 5 phrases; found: 3 phrases; correct: 0.\naccuracy:  37.50%; precision:   0.00%; recall:   0.00%; FB1:   0.00\n               NP: precision:   0.00%; recall:   0.00%; FB1:   0.00  2\n               PP: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n               VP: precision:   0.00%; recall:   0.00%; FB1:   0.00  0\n"),
        ConllevalFixture(name: "iob1", options: [],
                         input: "EU NNP I-ORG I-ORG\nrejects VBZ O O\nGerman JJ I-MISC I-MISC\ncall NN O O\nto TO O O\nboycott VB O O\nBritish JJ I-MISC I-MISC\nlamb NN O O\n. . O O\n\nIn IN O O\nJapan NNP I-LOC I-LOC\nand CC O O\nKorea NNP I-LOC B-LOC\nChun NNP I-LOC B-LOC\nSeoul NNP B-LOC I-LOC\nBusan NNP B-LOC I-LOC\n",
                         expected: "processed 16 tokens with 7 phrases; found: 6 phrases; correct: 4.\naccuracy:  75.00%; precision:  66.67%; recall:  57.14%; FB1:  61.54\n              LOC: precision:  33.33%; recall:  25.00%; FB1:  28.57  3\n             MISC: precision: 100.00%; recall: 100.00%; FB1: 100.00  2\n              ORG: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n"),
        ConllevalFixture(name: "iobes", options: [],
                         input: "a S-PER S-PER\nb S-PER B-PER\nc O E-PER\nd B-LOC B-LOC\ne E-LOC E-LOC\nf B-LOC B-LOC\ng I-LOC E-LOC\nh E-LOC O\n\ni S-ORG S-ORG\n",
                         expected: "processed 9 tokens with 3 phrases; found: 3 phrases; correct: 1.\naccuracy:  55.56%; precision:  33.33%; recall:  33.33%; FB1:  33.33\n              LOC: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n              ORG: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n              PER: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n"),
        ConllevalFixture(name: "no_final_newline", options: [],
                         input: "a B-NP B-NP\nb I-NP I-NP\nc O O\nd B-VP B-VP",
                         expected: "processed 4 tokens with 2 phrases; found: 2 phrases; correct: 2.\naccuracy: 100.00%; precision: 100.00%; recall: 100.00%; FB1: 100.00\n               NP: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n               VP: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n"),
        ConllevalFixture(name: "no_tokens", options: [],
                         input: "\n\n\n",
                         expected: "processed 0 tokens with 0 phrases; found: 0 phrases; correct: 0.\n"),
        ConllevalFixture(name: "odd_tags", options: [],
                         input: "a B-PER B-PER\nb I-PER I-PER\nc O B-LOC\n\nd B-0 B-0\ne I-0 O\nf FOO FOO\ng B-PER FOO\nh . .\ni [ [\nj ] ]\nk B- B-\nl I- O\nm E-NP E-NP\nn I-NP I-NP\no E-NP E-NP\n",
                         expected: "processed 15 tokens with 7 phrases; found: 7 phrases; correct: 5.\naccuracy:  73.33%; precision:  71.43%; recall:  71.43%; FB1:  71.43\n                 : precision:  66.67%; recall:  66.67%; FB1:  66.67  3\n                 : precision:  66.67%; recall:  66.67%; FB1:  66.67  3\n              LOC: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n               NP: precision: 100.00%; recall: 100.00%; FB1: 100.00  2\n              PER: precision: 100.00%; recall:  50.00%; FB1:  66.67  1\n"),
        ConllevalFixture(name: "raw", options: [],
                         input: "a PER PER\nb PER PER\nc NONE LOC\nd LOC NONE\ne NONE NONE\n\nf MISC-X MISC-X\n",
                         expected: "processed 6 tokens with 1 phrases; found: 1 phrases; correct: 1.\naccuracy:  66.67%; precision: 100.00%; recall: 100.00%; FB1: 100.00\n                X: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n"),
        ConllevalFixture(name: "sorting", options: [],
                         input: "a B-VERYLONGTYPENAMEXYZ B-VERYLONGTYPENAMEXYZ\nb B-\u{e9}t\u{e9} B-\u{e9}t\u{e9}\nc B-Zeta B-ab\nd B-ab B-Zeta\ne O B-\u{e9}\n",
                         expected: "processed 5 tokens with 4 phrases; found: 5 phrases; correct: 2.\naccuracy:  40.00%; precision:  40.00%; recall:  50.00%; FB1:  44.44\nVERYLONGTYPENAMEXYZ: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n             Zeta: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n               ab: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n               \u{e9}: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n            \u{e9}t\u{e9}: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n"),
        ConllevalFixture(name: "tab", options: ["-d", "\\t"],
                         input: "a\tX\tB-NP\tB-NP\nb\tX\tI-NP\tB-NP\n\nc\tX\tB-VP\tB-VP\nd e\tX\tO\tO\n",
                         expected: "processed 4 tokens with 2 phrases; found: 3 phrases; correct: 1.\naccuracy:  75.00%; precision:  33.33%; recall:  50.00%; FB1:  40.00\n               NP: precision:   0.00%; recall:   0.00%; FB1:   0.00  2\n               VP: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n"),
        ConllevalFixture(name: "raw", options: ["-r", "-o", "NONE"],
                         input: "a PER PER\nb PER PER\nc NONE LOC\nd LOC NONE\ne NONE NONE\n\nf MISC-X MISC-X\n",
                         expected: "processed 6 tokens with 4 phrases; found: 4 phrases; correct: 3.\naccuracy:  66.67%; precision:  75.00%; recall:  75.00%; FB1:  75.00\n              LOC: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n           MISC-X: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n              PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  2\n"),
        ConllevalFixture(name: "raw", options: ["-r"],
                         input: "a PER PER\nb PER PER\nc NONE LOC\nd LOC NONE\ne NONE NONE\n\nf MISC-X MISC-X\n",
                         expected: "processed 6 tokens with 6 phrases; found: 6 phrases; correct: 4.\naccuracy:  66.67%; precision:  66.67%; recall:  66.67%; FB1:  66.67\n              LOC: precision:   0.00%; recall:   0.00%; FB1:   0.00  1\n           MISC-X: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n             NONE: precision:  50.00%; recall:  50.00%; FB1:  50.00  2\n              PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  2\n"),
        ConllevalFixture(name: "basic", options: ["-l"],
                         input: "Mr. NNP B-PER B-PER\nSmith NNP I-PER I-PER\nwent VBD O O\nto TO O O\nNew NNP B-LOC B-ORG\nYork NNP I-LOC I-ORG\n. . O O\n\nHe PRP O O\nsaid VBD O B-MISC\nit PRP O I-MISC\nrained VBD O O\n",
                         expected: "        & Precision &  Recall  & F$_{\\beta=1} \\\\\\hline\nLOC     &    0.00\\% &   0.00\\% &   0.00 \\\\\nMISC    &    0.00\\% &   0.00\\% &   0.00 \\\\\nORG     &    0.00\\% &   0.00\\% &   0.00 \\\\\nPER     &  100.00\\% & 100.00\\% & 100.00 \\\\\\hline\nOverall &   33.33\\% &  50.00\\% &  40.00 \\\\\\hline\n"),
        ConllevalFixture(name: "hyphens", options: ["-l"],
                         input: "Yesterday NN B-ARGM-TMP B-ARGM-TMP\nmorning NN I-ARGM-TMP I-ARGM-TMP\nJohn NNP B-ARG0 B-ARG0\nate VBD B-V B-V\nthe DT B-ARG1 B-ARG1\napple NN I-ARG1 I-ARG-1\nquickly RB B-ARGM-MNR B-ARGM-MNR\n\nx X B-A-B-C I-A-B-C\ny X I-A-B-C I-A-B\n",
                         expected: "        & Precision &  Recall  & F$_{\\beta=1} \\\\\\hline\nA-B     &    0.00\\% &   0.00\\% &   0.00 \\\\\nA-B-C   &    0.00\\% &   0.00\\% &   0.00 \\\\\nARG-1   &    0.00\\% &   0.00\\% &   0.00 \\\\\nARG0    &  100.00\\% & 100.00\\% & 100.00 \\\\\nARG1    &    0.00\\% &   0.00\\% &   0.00 \\\\\nARGM-MNR &  100.00\\% & 100.00\\% & 100.00 \\\\\nARGM-TMP &  100.00\\% & 100.00\\% & 100.00 \\\\\nV       &  100.00\\% & 100.00\\% & 100.00 \\\\\\hline\nOverall &   50.00\\% &  66.67\\% &  57.14 \\\\\\hline\n"),
        ConllevalFixture(name: "regex_delimiter", options: ["-d", "[ \t]+"],
                         input: "a \tX  B-NP\tB-NP\nb X\tI-NP I-NP\n\nc X B-VP O\n",
                         expected: "processed 3 tokens with 2 phrases; found: 1 phrases; correct: 1.\naccuracy:  66.67%; precision: 100.00%; recall:  50.00%; FB1:  66.67\n               NP: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n               VP: precision:   0.00%; recall:   0.00%; FB1:   0.00  0\n"),
    ]

    /// IOBES input (iobes.txt) scored after rewriting S- to B- and E- to I-: what `--scheme iobes` must print.
    static let iobesConverted = "processed 9 tokens with 5 phrases; found: 5 phrases; correct: 3.\naccuracy:  77.78%; precision:  60.00%; recall:  60.00%; FB1:  60.00\n              LOC: precision:  50.00%; recall:  50.00%; FB1:  50.00  2\n              ORG: precision: 100.00%; recall: 100.00%; FB1: 100.00  1\n              PER: precision:  50.00%; recall:  50.00%; FB1:  50.00  2\n"

    /// Inputs the script rejects (it exits with a non-zero status and prints no report).
    static let badColumns = "a X B-NP B-NP\nb X I-NP\n"
    static let tabWithoutDelimiter = "a\tX\tB-NP\tB-NP\nb\tX\tI-NP\tB-NP\n\nc\tX\tB-VP\tB-VP\nd e\tX\tO\tO\n"
}
