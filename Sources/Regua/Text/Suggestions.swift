/// "Did you mean …?" suggestions from a small edit distance, shared by every message that
/// offers one (diagnostics, input errors, the command line).
public enum Suggestions {
  /// The candidate closest to `word`, when it is close enough to be a plausible typo.
  ///
  /// Closeness is the Damerau–Levenshtein distance (a swap of two neighbours counts once), and
  /// at most a third of the word's length, at least 1 and at most 3.
  /// The work is bounded whatever the input: a word longer than ``longestWord`` characters gets
  /// no suggestion, a candidate whose length differs from the word's by more than the distance
  /// allowed is not compared, and a comparison looks only at the cells of the distance table
  /// that can stay within the distance allowed (at most ``longestWord`` × 7 of them), stopping
  /// as soon as none can.
  public static func closest<S: Sequence>(to word: String, among candidates: S) -> String? where S.Element == String {
    var budget = Int.max
    return closest(to: word, among: candidates, budget: &budget)
  }

  /// The candidate closest to `word`, as ``closest(to:among:)`` finds it, spending at most
  /// `budget` units of work: one per candidate looked at and one per cell of a distance table.
  ///
  /// When the candidates come from the input (the channels of a cadence's steps, the ids of its
  /// steps), the work of one suggestion grows with the input; a budget shared by every
  /// suggestion of one file bounds the work of them all. Once it is spent there is no
  /// suggestion, and the message gives its general help instead.
  static func closest<S: Sequence>(to word: String, among candidates: S, budget: inout Int) -> String?
  where S.Element == String {
    guard budget > 0, let target = Target(word) else { return nil }
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      budget -= 1
      guard budget > 0 else { return nil }
      guard abs(candidate.count - target.length) <= target.limit else { continue }
      let distance = self.distance(target.folded, Array(candidate.lowercased()), atMost: target.limit, work: &budget)
      if let distance, distance < (best?.distance ?? .max) {
        best = (candidate, distance)
      }
    }
    return budget > 0 ? best?.candidate : nil
  }

  /// The longest word, in characters, that suggestions are computed for.
  public static let longestWord = 64

  /// A word to find suggestions for: its folded characters and the distance allowed.
  struct Target {
    let folded: [Character]
    let length: Int
    let limit: Int

    /// `nil` for words longer than ``Suggestions/longestWord``, which get no suggestion.
    init?(_ word: String) {
      guard word.utf8.count <= Suggestions.longestWord * 4, word.count <= Suggestions.longestWord else { return nil }
      folded = Array(word.lowercased())
      length = word.count
      limit = min(3, max(1, length / 3))
    }
  }

  /// Candidates folded once, for a large set that many words are compared against (the time
  /// zones): each suggestion then costs no allocation per candidate.
  struct Vocabulary: Sendable {
    private let words: [(candidate: String, folded: [Character])]

    init<S: Sequence>(_ candidates: S) where S.Element == String {
      words = candidates.map { ($0, Array($0.lowercased())) }
    }

    /// The same answer as ``Suggestions/closest(to:among:budget:)`` over these candidates.
    func closest(to word: String, budget: inout Int) -> String? {
      guard budget > 0, let target = Target(word) else { return nil }
      var best: (candidate: String, distance: Int)?
      for word in words {
        budget -= 1
        guard budget > 0 else { return nil }
        guard abs(word.folded.count - target.length) <= target.limit else { continue }
        let distance = Suggestions.distance(target.folded, word.folded, atMost: target.limit, work: &budget)
        if let distance, distance < (best?.distance ?? .max) {
          best = (word.candidate, distance)
        }
      }
      return budget > 0 ? best?.candidate : nil
    }
  }

  /// The optimal-string-alignment distance between two strings.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    var work = 0
    return distance(a, b, atMost: max(a.count, b.count), work: &work) ?? max(a.count, b.count)
  }

  /// The optimal-string-alignment distance between `a` and `b` when it is at most `limit`, else
  /// `nil`.
  ///
  /// Only the band of cells within `limit` of the diagonal is computed, and the computation
  /// stops at the first row whose cells all exceed `limit`: every cell of the rows below it then
  /// exceeds `limit` too. `work` goes down by the number of cells computed.
  static func distance(_ a: [Character], _ b: [Character], atMost limit: Int, work: inout Int) -> Int? {
    if abs(a.count - b.count) > limit { return nil }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    let beyond = limit + 1
    var previousPrevious = [Int](repeating: beyond, count: b.count + 1)
    var previous = [Int](repeating: beyond, count: b.count + 1)
    for j in 0...min(b.count, limit) { previous[j] = j }
    var current = [Int](repeating: beyond, count: b.count + 1)
    for i in 1...a.count {
      let low = max(1, i - limit)
      let high = min(b.count, i + limit)
      current[0] = i <= limit ? i : beyond
      current[low - 1] = low == 1 ? current[0] : beyond
      var rowMinimum = current[low - 1]
      if low <= high {
        work -= high - low + 1
        for j in low...high {
          let cost = a[i - 1] == b[j - 1] ? 0 : 1
          var cell = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
          if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
            cell = min(cell, previousPrevious[j - 2] + 1)
          }
          current[j] = min(cell, beyond)
          rowMinimum = min(rowMinimum, current[j])
        }
      }
      if high < b.count { current[high + 1] = beyond }
      if rowMinimum > limit { return nil }
      swap(&previousPrevious, &previous)
      swap(&previous, &current)
    }
    return previous[b.count] <= limit ? previous[b.count] : nil
  }
}
