import Regua
import Testing

/// The help lines for what Portuguese-speaking authors write out of habit: each names the fix,
/// and the line mended as the help says checks clean — errors and warnings alike.
@Suite("Help for habits")
struct HabitsTests {
  struct Case: Sendable, CustomStringConvertible {
    var bad: String
    var help: String
    var fixed: String
    var description: String { bad }
  }

  static let cadence = "cadence \"t\"\n"

  static let cases: [Case] = [
    Case(bad: "  D+14 ligar", help: "did you mean `call`?", fixed: "  D+14 call"),
    Case(bad: "  D+30 carta", help: "did you mean `letter`?", fixed: "  D+30 letter"),
    Case(
      bad: "  D+90 encaminhar arm as r", help: "did you mean `refer to agency`?",
      fixed: "  D+90 refer to agency arm as r"),
    Case(bad: "  D+90 agência as r", help: "did you mean `refer to agency`?", fixed: "  D+90 refer to agency as r"),
    Case(bad: "  D+5 multa as f", help: "write `D+5 fee 2% as f`", fixed: "  D+5 fee 2% as f"),
    Case(bad: "  D+5 multa 10.00 as f", help: "write `D+5 fee 10.00 as f`", fixed: "  D+5 fee 10.00 as f"),
    Case(
      bad: "  D+5 juros as i", help: "write `D+5 interest 1% per month as i`", fixed: "  D+5 interest 1% per month as i"
    ),
    Case(
      bad: "  D+5 juros 2% as i", help: "write `D+5 interest 2% per month as i`",
      fixed: "  D+5 interest 2% per month as i"),
    Case(
      bad: "  D-15 desconto as d", help: "write `D-15 discount 2% until D-10 as d`",
      fixed: "  D-15 discount 2% until D-10 as d"),
    Case(
      bad: "  D+3 email x when juros >= 5.00 as e", help: "did you mean `interest`?",
      fixed: "  D+3 email x when interest >= 5.00 as e"),
    // The period and the last day written in Portuguese are kept, never guessed.
    Case(
      bad: "  D+1 juros 12% ao ano as i", help: "write `D+1 interest 12% per year as i`",
      fixed: "  D+1 interest 12% per year as i"),
    Case(
      bad: "  D+1 juros 0.033% a.d. as i", help: "write `D+1 interest 0.033% per day as i`",
      fixed: "  D+1 interest 0.033% per day as i"),
    Case(
      bad: "  D-5 desconto 5% ate D-1 as d", help: "write `D-5 discount 5% until D-1 as d`",
      fixed: "  D-5 discount 5% until D-1 as d"),
    Case(
      bad: "  D+1 interest 12% ao ano as i", help: "write `interest 12% per year`",
      fixed: "  D+1 interest 12% per year as i"),
    Case(bad: "  D+45 suspender as s", help: "did you mean `suspend`?", fixed: "  D+45 suspend as s"),
    Case(
      bad: "  D+14 call when balance >= 500 e days-overdue > 3", help: "write `and`",
      fixed: "  D+14 call when balance >= 500 and days-overdue > 3"),
    Case(
      bad: "  D+14 call when balance >= 500 ou days-overdue > 3", help: "write `or`",
      fixed: "  D+14 call when balance >= 500 or days-overdue > 3"),
    Case(bad: "  D+14 call when não disputed", help: "did you mean `not`?", fixed: "  D+14 call when not disputed"),
    Case(bad: "  D+14 dias call", help: "write `D+14 call`", fixed: "  D+14 call"),
    Case(
      bad: "  D+14 call when balance >= 1.000,00", help: "`1000.00`", fixed: "  D+14 call when balance >= 1000.00"),
    Case(
      bad: "  D+14 call when balance >= R$ 500", help: "`500.00 BRL`",
      fixed: "  D+14 call when balance >= 500.00 BRL"),
    Case(
      bad: "  D+14 call when balance >= R$ 1.500,50", help: "`1500.50 BRL`",
      fixed: "  D+14 call when balance >= 1500.50 BRL"),
    Case(
      bad: "  D+14 call when balance >= 500 brl", help: "write `500 BRL`", fixed: "  D+14 call when balance >= 500 BRL"),
    Case(
      bad: "  D+14 call when customer.segment <> \"x\"", help: "write `!=`",
      fixed: "  D+14 call when customer.segment != \"x\""),
    Case(bad: "  D+14 call when balance => 500", help: "write `>=`", fixed: "  D+14 call when balance >= 500"),
    Case(bad: "  D+14 call when balance =< 500", help: "write `<=`", fixed: "  D+14 call when balance <= 500"),
    Case(bad: "  D+14 call when balance = 500", help: "write `==`", fixed: "  D+14 call when balance == 500"),
    Case(bad: "  D+14 call when balance >= 500,00", help: "`500.00`", fixed: "  D+14 call when balance >= 500.00"),
    Case(
      bad: "  D+14 call when segmento == \"smb\"", help: "did you mean `customer.segment`?",
      fixed: "  D+14 call when customer.segment == \"smb\""),
    Case(
      bad: "  D+14 call when saldo >= 500", help: "did you mean `balance`?", fixed: "  D+14 call when balance >= 500"),
    Case(
      bad: "  D+14 call when customer.segment == smb", help: "quote it: `\"smb\"`",
      fixed: "  D+14 call when customer.segment == \"smb\""),
    Case(
      bad: "  fuso \"America/Sao_Paulo\"", help: "write `timezone \"America/Sao_Paulo\"`",
      fixed: "  timezone \"America/Sao_Paulo\""),
    Case(bad: "  pausa when disputed", help: "write `pause when disputed`", fixed: "  pause when disputed"),
    Case(bad: "  D+14 notify Push x", help: "write `notify push`", fixed: "  D+14 notify push x"),
    Case(bad: "  D+10 call quando balance > 10", help: "write `when`", fixed: "  D+10 call when balance > 10"),
    Case(bad: "  pausa quando disputa", help: "write `pause when disputed`", fixed: "  pause when disputed"),
    Case(
      bad: "  D+1 email x\n  limite e-mail 2 por 30 dias", help: "write `limit email 2 per 30 days`",
      fixed: "  D+1 email x\n  limit email 2 per 30 days"),
    Case(
      bad: "  D+1 call\n  limit ligar 1 por 7 dias", help: "write `limit call 1 per 7 days`",
      fixed: "  D+1 call\n  limit call 1 per 7 days"),
    Case(bad: "  tolerância 3 dias", help: "write `catch up 3 days`", fixed: "  catch up 3 days"),
    Case(bad: "  calendário BR", help: "write `calendar BR`", fixed: "  calendar BR"),
    Case(
      bad: "  D+10 call when balance >= 1.500 BRL", help: "write `1500.00 BRL`",
      fixed: "  D+10 call when balance >= 1500.00 BRL"),
    Case(bad: "  D+10 call when balance ≥ 500", help: "write `>=`", fixed: "  D+10 call when balance >= 500"),
    Case(
      bad: "  D+10 call when balance > 5 && disputed", help: "write `and`",
      fixed: "  D+10 call when balance > 5 and disputed"),
    Case(
      bad: "  D+10 call when balance > 5 || disputed", help: "write `or`",
      fixed: "  D+10 call when balance > 5 or disputed"),
    Case(
      bad: "  timezone America/Sao_Paulo", help: "quote the text: `\"America/Sao_Paulo\"`",
      fixed: "  timezone \"America/Sao_Paulo\""),
    Case(
      bad: "  D+10 call when balance >= 1.00BRL", help: "write `1.00 BRL`",
      fixed: "  D+10 call when balance >= 1.00 BRL"),
    Case(
      bad: "  D+10 call when customer.segment in (\"a\",\"b\")", help: "`in [\"a\", \"b\"]`",
      fixed: "  D+10 call when customer.segment in [\"a\", \"b\"]"),
  ]

  static func errors(_ text: String) -> [Diagnostic] {
    RuleCompiler.compile(SourceFile(path: "t.regua", text: text), lint: true).diagnostics
  }

  @Test("the help says what to write, and the line written so checks clean", arguments: cases)
  func helpIsLiteral(_ example: Case) throws {
    let bad = Self.errors(Self.cadence + example.bad + "\n")
    let error = try #require(bad.first { $0.severity == .error }, "\(bad)")
    #expect(error.help?.contains(example.help) == true, "help: \(error.help ?? "none")")
    #expect(Self.errors(Self.cadence + example.fixed + "\n").isEmpty)
  }

  @Test(
    "headers: a misspelt `version`, and names of several words",
    arguments: [
      (
        "cadence \"t\" versao 3\n  D+1 email x\n", "write `cadence \"t\" version 3`",
        "cadence \"t\" version 3\n  D+1 email x\n"
      ),
      (
        "cadence \"t\" versão 3\n  D+1 email x\n", "did you mean `version`?",
        "cadence \"t\" version 3\n  D+1 email x\n"
      ),
      (
        "cadence minha regua\n  D+1 email x\n", "write `cadence \"minha regua\"`",
        "cadence \"minha regua\"\n  D+1 email x\n"
      ),
      (
        "cadence \"t\"\n  D+1 email x\ntest sem aspas\n  invoice 10.00 due 2026-03-10\n  on D+1 expect email\n",
        "write `test \"sem aspas\"`",
        "cadence \"t\"\n  D+1 email x\ntest \"sem aspas\"\n  invoice 10.00 due 2026-03-10\n  on D+1 expect email\n"
      ),
    ])
  func headers(bad: String, help: String, fixed: String) throws {
    let error = try #require(Self.errors(bad).first)
    #expect(error.help?.contains(help) == true, "help: \(error.help ?? "none")")
    #expect(Self.errors(fixed).isEmpty)
  }

  @Test("check finds actions and steps a test names that its cadence does not have")
  func testExpectations() throws {
    let text = """
      cadence "t"
        D+14 call
      test "x"
        invoice 10.00 due 2026-03-10
        on D+14 expect ligar
        on D+14 expect skipped d+15-call
        on D+14 expect call
      """
    let file = RuleCompiler.compile(SourceFile(path: "t.regua", text: text))
    #expect(file.isValid)
    let problems = PolicyTestSuite.diagnostics([file])[0]
    #expect(
      problems.map(\.message) == [
        "`ligar` is neither an action nor a step of cadence `t`",
        "`d+15-call` is neither an action nor a step of cadence `t`",
      ])
    #expect(problems.map(\.help) == ["did you mean `call`?", "did you mean `d+14-call`?"])
    #expect(problems.map(\.range.start.line) == [5, 6])
  }
}
