import Foundation
import Testing

@Suite("The regua command line", .serialized)
struct CLITests {
  let plan = ["plan", "Rules/b2b-standard.regua", "--invoice", "Rules/samples/b2b-invoice.json", "--on", "2026-03-24"]

  @Test("--version and --help succeed")
  func versionAndHelp() throws {
    let version = try ReguaBinary.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.hasPrefix("regua "))
    let help = try ReguaBinary.run(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("plan FILE --invoice PATH --on DATE"))
    for command in ["check", "plan"] {
      let commandHelp = try ReguaBinary.run([command, "--help"])
      #expect(commandHelp.status == 0)
      #expect(commandHelp.stdout.contains("USAGE: regua \(command)"))
    }
  }

  @Test(
    "usage errors exit 2 and say what is wrong",
    arguments: [
      (["frobnicate"], "unknown command `frobnicate`"), (["plna"], "did you mean `plan`?"), ([], "USAGE"),
      (["plan", "Rules/b2b-standard.regua", "--on", "2026-03-24"], "missing `--invoice`"),
      (["check"], "missing PATH: a rule file, a directory of them, or `-`"),
      (["explain"], "missing FILE: the rule file"),
      (["plan", "x", "--invoice", "y", "--on", "2026-02-30", "--jsn"], "unknown option `--jsn`"),
      (
        ["plan", "Rules/b2b-standard.regua", "--invoice", "Rules/samples/b2b-invoice.json", "--on", "2026-02-30"],
        "`--on`: `2026-02-30` does not exist: that month has 28 days"
      ),
    ])
  func usageErrors(arguments: [String], message: String) throws {
    let result = try ReguaBinary.run(arguments)
    #expect(result.status == 2)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test(
    "an invoice that cannot be read says why, and exits 1",
    arguments: [("missing-invoice.json", "no such file"), ("Rules", "it is a directory")])
  func unreadableInvoice(path: String, reason: String) throws {
    let result = try ReguaBinary.run(["plan", "Rules/b2b-standard.regua", "--invoice", path, "--on", "2026-03-24"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot read the invoice \(path): \(reason)"), "\(result.stderr)")
  }

  @Test("check accepts the bundled rules")
  func checkRules() throws {
    let result = try ReguaBinary.run(["check", "Rules/"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("no problems"))
  }

  @Test("check reports three different mistakes as three diagnostics and exits 1")
  func checkThreeMistakes() throws {
    let path = try ReguaBinary.temporaryFile(
      "broken.regua",
      """
      cadence "broken"
        D+1 emial overdue
        D+14 call when balance = 500
        D+30 letter x when balnce >= 100.00
      """)
    let result = try ReguaBinary.run(["check", path])
    #expect(result.status == 1)
    let locations = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(
      locations == [
        "\(path):2:7: error: unknown action `emial`",
        "\(path):3:26: error: `=` is not a comparison",
        "\(path):4:22: error: unknown name `balnce`",
      ])
    #expect(result.stderr.contains("= help: did you mean `balance`?"))
    #expect(result.stderr.contains("3 errors in 1 file"))
  }

  @Test("plan --json prints the pinned fields on one line")
  func planJSON() throws {
    let result = try ReguaBinary.run(plan + ["--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let line = result.stdout.trimmingCharacters(in: .newlines)
    #expect(!line.contains("\n"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["actions", "balance", "cadence", "date", "invoice", "next", "skipped", "version"])
    #expect(
      object["balance"] as? [String: String]
        == ["discount": "0.00", "fees": "0.00", "interest": "0.00", "principal": "1000.00", "total": "1000.00"])
    let actions = try #require(object["actions"] as? [[String: Any]])
    #expect(actions.count == 1)
    #expect(Set(actions[0].keys) == ["action", "args", "channel", "id", "late", "scheduled", "step", "window"])
    // São Paulo (UTC−3): `window call 09:00-18:00 mon-fri`.
    #expect(
      actions[0]["window"] as? [String: String] == ["from": "2026-03-24T12:00:00Z", "to": "2026-03-24T21:00:00Z"])
    #expect(actions[0]["id"] as? String == "INV-1001/d+14-call")
    let skipped = try #require(object["skipped"] as? [[String: Any]])
    #expect(skipped.allSatisfy { Set($0.keys) == ["detail", "reason", "retry", "scheduled", "step"] })
    #expect(object["next"] as? String == "2026-04-09")
    #expect(object["version"] as? Int == 3)
  }

  @Test("plan prints a short readable table by default")
  func planTable() throws {
    let result = try ReguaBinary.run(plan)
    #expect(result.status == 0)
    #expect(result.stdout.contains("b2b-standard v3 · invoice INV-1001 · 2026-03-24 · balance 1000.00 BRL"))
    #expect(result.stdout.contains("DO TODAY\n  d+14-call  call  scheduled 2026-03-24  on time"))
    #expect(result.stdout.contains("1 older skipped step; --all lists them"))
    #expect(result.stdout.contains("Next: 2026-04-09  D+30 letter registered formal-notice"))
  }

  @Test("the same plan, byte for byte, in any time zone and with the history reversed")
  func deterministic() throws {
    let tokyo = try ReguaBinary.run(plan + ["--json"], environment: ["TZ": "Asia/Tokyo", "LANG": "ja_JP.UTF-8"])
    let saoPaulo = try ReguaBinary.run(
      plan + ["--json"], environment: ["TZ": "America/Sao_Paulo", "LC_ALL": "pt_BR.UTF-8"])
    #expect(tokyo.status == 0)
    #expect(tokyo.stdout == saoPaulo.stdout)
    let sample = try String(
      contentsOf: ReguaBinary.packageRoot.appendingPathComponent("Rules/samples/b2b-invoice.json"), encoding: .utf8)
    var json = try #require(try JSONSerialization.jsonObject(with: Data(sample.utf8)) as? [String: Any])
    json["history"] = (json["history"] as? [Any]).map { Array($0.reversed()) }
    let reversedPath = try ReguaBinary.temporaryFile(
      "reversed.json", String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self))
    var arguments = plan + ["--json"]
    arguments[3] = reversedPath
    let reversed = try ReguaBinary.run(arguments, environment: ["TZ": "Pacific/Kiritimati"])
    #expect(reversed.stdout == tokyo.stdout)
  }

  @Test("the invoice can come from standard input")
  func standardInput() throws {
    let sample = try String(
      contentsOf: ReguaBinary.packageRoot.appendingPathComponent("Rules/samples/b2b-invoice.json"), encoding: .utf8)
    var arguments = plan + ["--json"]
    arguments[3] = "-"
    let piped = try ReguaBinary.run(arguments, stdin: sample)
    let direct = try ReguaBinary.run(plan + ["--json"])
    #expect(piped.status == 0)
    #expect(piped.stdout == direct.stdout)
  }

  @Test("a bad invoice exits 1 naming the file and the field")
  func badInvoice() throws {
    let path = try ReguaBinary.temporaryFile(
      "bad.json",
      #"{"id":"A","currency":"BRL","amount":"10","issued":"2026-01-01","due":"2026-01-31","payments":[{"date":"2026-01-02","amount":-5}]}"#
    )
    var arguments = plan
    arguments[3] = path
    let result = try ReguaBinary.run(arguments)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "\(path): error: payments[0].amount: expected a decimal string such as \"250.00\", found a number (JSON numbers lose cents)\n"
    )
  }

  @Test("plan on a rule file with errors exits 1 with the diagnostics")
  func planBrokenRules() throws {
    let path = try ReguaBinary.temporaryFile("broken.regua", "cadence \"x\"\n  D+1 emial x\n")
    let result = try ReguaBinary.run([
      "plan", path, "--invoice", "Rules/samples/b2b-invoice.json", "--on", "2026-03-24",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(path):2:7: error: unknown action `emial`"))
  }
}
