import Regua

/// The cadence of the `charges_vs_handwritten` row: `Rules/b2b-standard.regua` with a 2% fee and
/// 1% a month of interest from D+1, the lines of a Brazilian *multa* and *juros*.
///
/// The two steps are added to the rule file's text after its last step, so they are declared
/// last (steps 12 and 13) and the file's own steps keep their places; the b2b conditions
/// (`balance >= 500.00`, `balance < 500.00`, `balance >= 100.00`) then read the total owed,
/// charges included.
enum ChargesCadence {
  /// The lines added.
  static let lines = [
    "  D+1   fee 2%                as d+1-fee",
    "  D+1   interest 1% per month as d+1-interest",
  ]

  /// The b2b file's text does not have the step the lines go after.
  struct MissingAnchor: Error, CustomStringConvertible {
    var description: String {
      "the b2b-standard rule file has no `D+120 write off` step to add the charge steps after"
    }
  }

  /// Compiles `text`, the b2b-standard rule file, with ``lines`` after its `D+120` step.
  ///
  /// - Throws: ``MissingAnchor`` when the text has no `D+120` step; `CompilationError` when the
  ///   result does not compile.
  static func compile(b2b text: String) throws -> Cadence {
    var fileLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let anchor = fileLines.firstIndex(where: { $0.drop(while: { $0 == " " }).hasPrefix("D+120 ") }) else {
      throw MissingAnchor()
    }
    fileLines.insert(contentsOf: lines, at: anchor + 1)
    return try Cadence(parsing: fileLines.joined(separator: "\n"), path: "b2b-standard+charges.regua")
  }
}
