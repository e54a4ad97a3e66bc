extension StringProtocol {
  /// The text without the spaces and tabs that end it.
  var droppingTrailingBlanks: String {
    var end = endIndex
    while end > startIndex {
      let before = index(before: end)
      guard self[before] == " " || self[before] == "\t" else { break }
      end = before
    }
    return String(self[..<end])
  }
}
