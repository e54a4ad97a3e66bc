import Testing

/// The layering check checked: fed a synthetic pair of folders, `Upper` and `Lower`, where
/// `Lower` may use `Upper` and not the other way round, it must find each kind of forbidden use
/// it claims to see, at the right line, and nothing in comments or string text.
@Suite("Layering checker")
struct LayeringCheckerTests {
  static let checker = LayeringChecker(edges: ["Upper": [], "Lower": ["Upper"]])

  /// The violations in a file of `Upper` that uses declarations of a file of `Lower`.
  static func violations(upper: String, lower: String) -> [LayeringViolation] {
    checker.violations(in: [
      LayeringSource(path: "Upper/Use.swift", layer: "Upper", text: upper),
      LayeringSource(path: "Lower/Declaration.swift", layer: "Lower", text: lower),
    ])
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var lower: String
    var upper: String
    /// The name the violation reports, as a use would spell it.
    var name: String
  }

  static let forbiddenUses: [Case] = [
    Case(
      testDescription: "an internal type", lower: "struct Ledger {}", upper: "func f(_ ledger: Ledger) {}",
      name: "Ledger"),
    Case(testDescription: "a protocol", lower: "protocol Rule {}", upper: "struct Mine: Rule {}", name: "Rule"),
    Case(testDescription: "a typealias", lower: "typealias Cents = Int", upper: "var total: Cents = 0", name: "Cents"),
    Case(
      testDescription: "a top-level function", lower: "func plan() -> Int { 1 }", upper: "let n = plan()", name: "plan"),
    Case(
      testDescription: "a type used only inside a string interpolation",
      lower: "public enum Ledger { static let total = 1 }",
      upper: #"let text = "total: \(Ledger.total) days""#, name: "Ledger"),
    Case(
      testDescription: "a nested type an extension adds, named through its type",
      lower: "extension Invoice { struct Offsets {} }", upper: "struct Invoice {}\nlet offsets: Invoice.Offsets? = nil",
      name: "Invoice.Offsets"),
    Case(
      testDescription: "a static function an extension adds, named through its type",
      lower: "extension Invoice { static func sample() -> Invoice { Invoice() } }",
      upper: "struct Invoice {}\nlet invoice = Invoice.sample()", name: "Invoice.sample"),
    Case(
      testDescription: "a static property an extension adds, as an implicit member",
      lower: "extension Invoice { static var sample: Invoice { Invoice() } }",
      upper: "struct Invoice {}\nlet invoice: Invoice = .sample", name: "Invoice.sample"),
    Case(
      testDescription: "an enum case, as an implicit member", lower: "enum Severity { case warning, fatal }",
      upper: "func f() -> Bool { isFatal(.fatal) }", name: "Severity.fatal"),
    Case(
      testDescription: "a member an extension adds to a standard type, on a value",
      lower: "extension String { var shouted: String { uppercased() } }", upper: #"let loud = "a".shouted"#,
      name: "String.shouted"),
    Case(
      testDescription: "a method an extension adds to another folder's type, on a value",
      lower: "extension Invoice { func offsets() -> [Int] { [] } }",
      upper: "struct Invoice {}\nlet days = Invoice().offsets()", name: "Invoice.offsets"),
  ]

  @Test("finds a forbidden use of", arguments: forbiddenUses)
  func findsForbiddenUse(_ use: Case) throws {
    // Comments and a multi-line string before the use, so the line must be counted through them.
    let upper = "/* a comment\n /* nested */\n*/\nlet s = \"\"\"\n  text\n  \"\"\"\n" + use.upper
    let violations = LayeringCheckerTests.violations(upper: upper, lower: use.lower)
    let violation = try #require(violations.first, "no violation found")
    #expect(violation.declaration.qualifiedName == use.name)
    #expect(violation.line == 7 + use.upper.split(separator: "\n").count - 1)
    #expect(violation.description.hasPrefix("Sources/Regua/Upper/Use.swift:\(violation.line): `\(use.name)` of Lower"))
  }

  @Test(
    "sees no use in comments, string text, argument labels, other folders' private names, or allowed edges",
    arguments: [
      "// Ledger, plan()\n/// ``Ledger``\n/* Ledger /* nested */ Ledger */",
      ##"let a = "Ledger", b = "a \"Ledger\" plan()", c = #"raw \(Ledger) "Ledger""#"##,
      "let text = \"\"\"\n  Ledger \\(1) plan()\n  \"\"\"",
      "func f(plan: Int, ledger: Int) -> Int { g(plan: 1) }",
      "let x = Hidden()\nlet y = hiddenFunction()",
      "let days = [1].sorted()",
    ])
  func ignoresNonUses(_ upper: String) {
    let lower = """
      struct Ledger {}
      func plan() -> Int { 1 }
      private struct Hidden {}
      fileprivate func hiddenFunction() {}
      struct Days { func sorted() -> [Int] { [] } }
      """
    #expect(LayeringCheckerTests.violations(upper: upper, lower: lower).isEmpty)
    // And the other way round: Lower may use what Upper declares.
    let allowed = LayeringCheckerTests.checker.violations(in: [
      LayeringSource(path: "Upper/Declaration.swift", layer: "Upper", text: "struct Ledger {}"),
      LayeringSource(path: "Lower/Use.swift", layer: "Lower", text: "let ledger = Ledger()"),
    ])
    #expect(allowed.isEmpty)
  }

  @Test("reports a cycle of edges")
  func findsCycles() {
    let checker = LayeringChecker(edges: ["A": ["B"], "B": ["C"], "C": ["A"], "D": ["A"]])
    #expect(checker.foldersOnCycles == ["A", "B", "C"])
    #expect(LayeringTests.report([]).hasPrefix("0 uses"))
  }

  @Test("keeps the code of interpolations and drops the text around it")
  func tokenizesInterpolations() {
    let tokens = LayeringTokenizer.tokens(in: ##"let s = "a \(b("c \(d)")) e" + #"f \#(g) \(h)"#"##)
    #expect(tokens.filter { $0.kind == .identifier }.map(\.text) == ["let", "s", "b", "d", "g"])
  }
}
