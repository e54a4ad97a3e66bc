/// "Did you mean …?" suggestions from a small edit distance, shared by every message that
/// offers one (diagnostics, input errors, the command line).
public enum Suggestions {
  /// The candidate closest to `word`, when it is close enough to be a plausible typo.
  ///
  /// Closeness is the Damerau–Levenshtein distance (a swap of two neighbours counts once), and
  /// at most a third of the word's length, at least 1 and at most 3.
  /// The work is bounded whatever the input: a word longer than ``longestWord`` characters gets
  /// no suggestion, and a candidate whose length differs from the word's by more than the
  /// distance allowed is not compared.
  public static func closest<S: Sequence>(to word: String, among candidates: S) -> String? where S.Element == String {
    guard word.utf8.count <= longestWord * 4, word.count <= longestWord else { return nil }
    let limit = min(3, max(1, word.count / 3))
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where abs(candidate.count - word.count) <= limit {
      let distance = editDistance(word.lowercased(), candidate.lowercased())
      if distance <= limit, distance < (best?.distance ?? .max) {
        best = (candidate, distance)
      }
    }
    return best?.candidate
  }

  /// The longest word, in characters, that suggestions are computed for.
  public static let longestWord = 64

  /// The optimal-string-alignment distance between two strings.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previousPrevious[j - 2] + 1)
        }
      }
      swap(&previousPrevious, &previous)
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
