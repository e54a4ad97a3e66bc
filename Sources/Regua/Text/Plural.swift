/// Counts in words, singular or plural as the number asks: `1 day`, `0 days`, `3 days`.
enum Plural {
  /// `count` and `noun`, with an `s` unless the count is 1 (or `plural` when given).
  static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
  }
}
