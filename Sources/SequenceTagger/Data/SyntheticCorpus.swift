import NNKit

/// A small part-of-speech corpus generated from a toy English grammar, for the demo and the
/// end-to-end tests: no download, same seed, same sentences.
///
/// Sentences follow patterns such as `DET (ADJ) NOUN VERB DET NOUN (ADP DET NOUN) .`, with
/// proper nouns, numbers, pronouns and adverbs, and a few words that are nouns in one place
/// and verbs in another ("book", "run", "watch"), so that the window matters. Tags are
/// Universal Dependencies UPOS.
public enum SyntheticCorpus {
    static let determiners = ["the", "a", "every", "this", "that", "some"]
    static let adjectives = ["small", "old", "red", "quiet", "happy", "large", "clever", "green", "cold", "bright"]
    static let nouns = ["cat", "dog", "mat", "house", "teacher", "river", "city", "garden", "letter", "car", "student",
                        "book", "run", "watch", "table", "window", "child", "song", "market", "train"]
    static let verbs = ["sees", "likes", "finds", "reads", "paints", "visits", "builds", "opens", "watches", "books", "runs", "sells"]
    static let intransitive = ["sleeps", "waits", "laughs", "runs", "sings", "arrives", "rests"]
    static let prepositions = ["on", "in", "near", "under", "behind", "with", "from"]
    static let names = ["Anna", "Paris", "London", "Peter", "Maria", "Berlin", "Tokyo", "John"]
    static let pronouns = ["she", "he", "it", "they"]
    static let adverbs = ["quickly", "often", "slowly", "today", "never"]

    /// `count` sentences of words and UPOS tags.
    public static func sentences(count: Int, seed: UInt64) -> [Sentence] {
        var rng = RandomGenerator(seed: seed)
        return (0..<count).map { i in sentence(&rng, line: i + 1) }
    }

    static func pick(_ words: [String], _ rng: inout RandomGenerator) -> String { words[rng.int(below: words.count)] }

    static func nounPhrase(_ rng: inout RandomGenerator, into out: inout [(String, String)]) {
        switch rng.int(below: 10) {
        case 0: out.append((pick(names, &rng), "PROPN"))
        case 1: out.append((String(2 + rng.int(below: 98)), "NUM")); out.append((pick(["cats", "books", "cars", "songs"], &rng), "NOUN"))
        default:
            out.append((pick(determiners, &rng), "DET"))
            if rng.int(below: 2) == 0 { out.append((pick(adjectives, &rng), "ADJ")) }
            out.append((pick(nouns, &rng), "NOUN"))
        }
    }

    static func sentence(_ rng: inout RandomGenerator, line: Int) -> Sentence {
        var out: [(String, String)] = []
        if rng.int(below: 4) == 0 { out.append((pick(pronouns, &rng), "PRON")) } else { nounPhrase(&rng, into: &out) }
        if rng.int(below: 4) == 0 { out.append((pick(adverbs, &rng), "ADV")) }
        if rng.int(below: 3) == 0 {
            out.append((pick(intransitive, &rng), "VERB"))
        } else {
            out.append((pick(verbs, &rng), "VERB"))
            nounPhrase(&rng, into: &out)
        }
        if rng.int(below: 2) == 0 {
            out.append((pick(prepositions, &rng), "ADP"))
            nounPhrase(&rng, into: &out)
        }
        if rng.int(below: 5) == 0 {
            out.append(("and", "CCONJ"))
            out.append((pick(pronouns, &rng), "PRON"))
            out.append((pick(intransitive, &rng), "VERB"))
        }
        out.append((".", "PUNCT"))
        // Capitalize the first word, as text does.
        if let first = out.first?.0, let c = first.first, c.isLowercase {
            out[0].0 = c.uppercased() + first.dropFirst()
        }
        let tokens = out.map { Token(word: $0.0, tag: $0.1, columns: [$0.0, $0.1]) }
        return Sentence(tokens: tokens, wordColumn: 0, tagColumn: 1, line: line)
    }
}
