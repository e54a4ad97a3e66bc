import Foundation
import Testing

/// Every command of `regua`, run as a user runs it, at two sizes of input four times apart: its
/// CPU time and its memory grow at most linearly with the input, its output is bounded by a
/// constant times the input, and where the output's size is known exactly, it is checked
/// exactly. `Documentation/Performance.md` ("What each command costs") lists these bounds.
///
/// The inputs are the shapes that once made a command quadratic: many steps on one channel and
/// one day (`render --invoice`), conditions as long as a line allows (`explain`), plans far
/// larger than their invoices (`plan --invoices`).
///
/// Times are the kernel's CPU time for the child, the least of two runs, less the CPU time of
/// starting the binary; linear work gives a ratio near 4 and the bound is 8, while a quadratic
/// cost gives 16 or more. Memory is the child's peak resident set less the peak of a run that
/// does almost nothing. Under a sanitizer only the small size runs, for its exact counts and
/// output bound.
@Suite("What each command costs, at two sizes", .serialized)
struct CommandScalingTests {
  /// The most a command's CPU time may grow when its input grows four times.
  static let timeRatio = 8.0
  /// The most its memory above the baseline may grow when its input grows four times.
  static let memoryRatio = 8.0
  /// Memory growth below this is noise (the allocator's arenas, the output buffer).
  static let memoryNoise = 8 * 1024 * 1024

  /// One command on one input size: the arguments, the input's bytes, and an exact check of
  /// the output.
  struct Run {
    var arguments: [String]
    var inputBytes: Int
    var stdin = "/dev/null"
  }

  /// The files of one size, in a temporary directory.
  final class Workspace {
    let directory: URL

    init() throws {
      directory = FileManager.default.temporaryDirectory.appendingPathComponent("regua-scale-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Writes `text` to `name` and returns its path and size.
    func write(_ name: String, _ text: String) throws -> (path: String, bytes: Int) {
      let url = directory.appendingPathComponent(name)
      try Data(text.utf8).write(to: url)
      return (url.path, text.utf8.count)
    }
  }

  // MARK: Inputs

  /// An invoice due 2026-01-10, issued 2026-01-01, never paid.
  static let invoice = """
    {"id":"INV-1","currency":"BRL","amount":"1250.00","issued":"2026-01-01","due":"2026-01-10","status":"open",\
    "customer":{"id":"C-1","kind":"company","segment":"smb","tags":[]},"tags":[],"payments":[],"history":[]}
    """

  /// `steps` steps of every kind, two a day in date order from D0, with conditions and a limit
  /// every fifty: what `check`, `fmt` and `plan` read.
  static func mixedCadence(steps: Int, messy: Bool = false) -> String {
    let gap = messy ? "    " : "  "
    var text = "cadence \"scale\" version 1\n  catch up 3 days\n"
    for index in 0..<steps {
      let offset = "D+\(messy ? "0" : "")\(index / 2)"
      switch index % 5 {
      case 0: text += "  \(offset)\(gap)email reminder-\(index)\(gap)when balance >= 500.00 as s\(index)\n"
      case 1: text += "  \(offset)\(gap)call\(gap)unless tagged \"vip\" as s\(index)\n"
      case 2:
        text +=
          "  \(offset)\(gap)sms \"due-\(index)\" when days-overdue > 3 and customer.kind == \"company\" as s\(index)\n"
      case 3: text += "  \(offset)\(gap)whatsapp w-\(index) as s\(index)\n"
      default: text += "  \(offset)\(gap)task collections \"x\" as s\(index)\n"
      }
      if index % 50 == 49 { text += "  limit call 1 per 7 days\n" }
    }
    return text
  }

  /// `steps` e-mails, one a day from D+1: a simulation fires one on each day.
  static func dailyCadence(steps: Int) -> String {
    "cadence \"daily\"\n" + (1...steps).map { "  D+\($0) email e\($0) as s\($0)\n" }.joined()
  }

  /// `steps` steps over the hundred days from D+1, five channels a day: a simulation fires on
  /// each of the hundred days, whatever the number of steps.
  static func hundredDays(steps: Int) -> String {
    let actions = ["email e", "sms s", "whatsapp w", "letter l", "task t"]
    return "cadence \"hundred\"\n"
      + (0..<steps).map { "  D+\(1 + $0 * 100 / steps) \(actions[$0 % 5])\($0) as s\($0)\n" }.joined()
  }

  /// `steps` e-mails all on D+5: one fires, the others are superseded.
  static func sameDayCadence(steps: Int) -> String {
    "cadence \"same-day\"\n" + (0..<steps).map { "  D+5 email x\($0) as s\($0)\n" }.joined()
  }

  /// `steps` e-mails on D+5, each with a condition of `terms` comparisons joined by `and` and
  /// `or` (200 terms are most of a line): on D+5 every condition is evaluated and traced.
  static func longConditions(steps: Int, terms: Int) -> String {
    var text = "cadence \"long\"\n"
    for step in 0..<steps {
      let condition = (0..<terms).map { "balance > \($0 + 1)" }.enumerated()
        .map { $0.offset == 0 ? $0.element : ($0.offset % 3 == 0 ? " or " : " and ") + $0.element }.joined()
      text += "  D+5 email e\(step) when \(condition) as s\(step)\n"
    }
    return text
  }

  /// `tests` test blocks over a three-step cadence, each with three expectations.
  static func manyTests(_ tests: Int) -> String {
    var text = "cadence \"t\"\n  D-3 email reminder\n  D+1 sms overdue\n  D+14 call when balance >= 500.00\n\n"
    for index in 0..<tests {
      text += """
        test "case \(index)"
          invoice \(400 + index).00 BRL due 2026-03-10 issued 2026-03-01
          on D-3 expect email reminder
          on D+1 expect sms
          on D+14 expect \(400 + index >= 500 ? "call" : "no call")


        """
    }
    return text
  }

  /// `count` invoice lines with distinct ids.
  static func portfolio(_ count: Int) -> String {
    (0..<count).map { invoice.replacingOccurrences(of: "INV-1", with: "INV-\($0)") + "\n" }.joined()
  }

  // MARK: The measure

  /// Runs `make(size)` and `make(4 × size)`, checks `exact` on both outputs, the output bound,
  /// and (outside sanitizers) the time and memory ratios.
  static func measure(
    _ name: String, size: Int, outputPerInputByte: Double, flatMemory: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation, _ make: (Int, Workspace) throws -> Run,
    exact: (Int, MeasuredRun) -> Void
  ) throws {
    guard MeasuredRun.isSupported else { return }
    let workspace = try Workspace()
    let baseline = try MeasuredRun.best(of: 3, ["check", try workspace.write("empty.regua", "").path])
    var figures: [(input: Int, run: MeasuredRun)] = []
    // Under a sanitizer, whose binaries are several times slower, the small size alone: its exact
    // counts and output bound still hold, and times and memory are not compared.
    for scale in MeasuredRun.isSanitized ? [size] : [size, 4 * size] {
      let run = try make(scale, workspace)
      let measured = try MeasuredRun.best(of: MeasuredRun.isSanitized ? 1 : 2, run.arguments, stdin: run.stdin)
      #expect(
        measured.status == 0, "\(name) at \(scale) exited \(measured.status): \(measured.errors.prefix(500))",
        sourceLocation: sourceLocation)
      exact(scale, measured)
      let bound = Double(run.inputBytes) * outputPerInputByte + 4096
      #expect(
        Double(measured.output.count) <= bound,
        "\(name) at \(scale) wrote \(measured.output.count) bytes for \(run.inputBytes) of input",
        sourceLocation: sourceLocation)
      figures.append((run.inputBytes, measured))
    }
    guard !MeasuredRun.isSanitized, figures.count == 2 else { return }
    let (small, large) = (figures[0].run, figures[1].run)
    let time = (large.cpuSeconds - baseline.cpuSeconds) / max(small.cpuSeconds - baseline.cpuSeconds, 0.005)
    #expect(
      time < timeRatio,
      "\(name): 4× the input cost \(time)× the CPU time (\(small.cpuSeconds) s → \(large.cpuSeconds) s)",
      sourceLocation: sourceLocation)
    let smallMemory = max(small.peakBytes - baseline.peakBytes, memoryNoise)
    let largeMemory = large.peakBytes - baseline.peakBytes
    let allowed = flatMemory ? 1.5 : memoryRatio
    #expect(
      Double(largeMemory) <= allowed * Double(smallMemory),
      "\(name): 4× the input took \(largeMemory / 1_048_576) MiB above the baseline against \(smallMemory / 1_048_576)",
      sourceLocation: sourceLocation)
  }

  static func lines(_ data: Data) -> [Substring] {
    String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
  }

  // MARK: One test per command

  @Test("check: linear in the steps")
  func check() throws {
    try Self.measure("check", size: 1500, outputPerInputByte: 0.01) { size, workspace in
      let file = try workspace.write("mixed.regua", Self.mixedCadence(steps: size))
      return Run(arguments: ["check", "--strict", file.path], inputBytes: file.bytes)
    } exact: { _, run in
      #expect(String(decoding: run.output, as: UTF8.self) == "1 file, 1 cadence, 0 tests: no problems\n")
    }
  }

  @Test("fmt: linear in the steps, its output the size of its input")
  func fmt() throws {
    try Self.measure("fmt", size: 1500, outputPerInputByte: 1.5) { size, workspace in
      let file = try workspace.write("messy.regua", Self.mixedCadence(steps: size, messy: true))
      return Run(arguments: ["fmt", "-"], inputBytes: file.bytes, stdin: file.path)
    } exact: { size, run in
      let lines = Self.lines(run.output)
      #expect(lines.count == 2 + size + size / 50)
      // `D+012` is written `D+12`, and no line keeps the messy spacing.
      #expect(!lines.contains { $0.range(of: #"D\+0[0-9]"#, options: .regularExpression) != nil })
      #expect(!lines.contains { $0.contains("    email") && $0.contains("email    ") })
    }
  }

  @Test("test: linear in the test blocks, one result line each")
  func test() throws {
    try Self.measure("test", size: 100, outputPerInputByte: 0.5) { size, workspace in
      let file = try workspace.write("tests.regua", Self.manyTests(size))
      return Run(arguments: ["test", file.path], inputBytes: file.bytes)
    } exact: { size, run in
      #expect(Self.lines(run.output).last == "\(size) passed, 0 failed")
    }
  }

  @Test("plan: linear in the steps, every step due listed once")
  func plan() throws {
    try Self.measure("plan", size: 1500, outputPerInputByte: 6) { size, workspace in
      let file = try workspace.write("mixed.regua", Self.mixedCadence(steps: size))
      let invoice = try workspace.write("invoice.json", Self.invoice)
      return Run(
        arguments: ["plan", file.path, "--invoice", invoice.path, "--on", "2036-01-01", "--json"],
        inputBytes: file.bytes + invoice.bytes)
    } exact: { size, run in
      let text = String(decoding: run.output, as: UTF8.self)
      // Every step is due by then: each is an action or a skip, exactly once.
      #expect(text.components(separatedBy: "\"step\":").count - 1 == size)
    }
  }

  /// A plan lists every step due, so a portfolio's output is bounded per line: a constant
  /// times the rule file and the line. Here each plan is 400 times its invoice line, and a
  /// skip's sentence is eight times its step's line.
  @Test("plan --invoices: linear in the portfolio, memory flat however large the plans")
  func planPortfolio() throws {
    let cadence = Self.dailyCadence(steps: 500)
    try Self.measure("plan --invoices", size: 200, outputPerInputByte: 10, flatMemory: true) { size, workspace in
      let file = try workspace.write("daily.regua", cadence)
      let portfolio = try workspace.write("portfolio.jsonl", Self.portfolio(size))
      return Run(
        arguments: ["plan", file.path, "--invoices", portfolio.path, "--on", "2027-12-31", "--json"],
        inputBytes: portfolio.bytes + size * file.bytes)
    } exact: { size, run in
      #expect(Self.lines(run.output).count == size)
    }
  }

  /// A simulation evaluates once per day something fires, each evaluation linear in the steps:
  /// its cost is steps × firing days, and the days are bounded by the offsets' span (see
  /// Performance.md). At a fixed number of firing days it is linear in the steps.
  @Test("simulate: linear in the steps, one line per day something fires")
  func simulate() throws {
    try Self.measure("simulate", size: 1000, outputPerInputByte: 20) { size, workspace in
      let file = try workspace.write("hundred.regua", Self.hundredDays(steps: size))
      let invoice = try workspace.write("invoice.json", Self.invoice)
      return Run(arguments: ["simulate", file.path, "--invoice", invoice.path, "--json"], inputBytes: file.bytes)
    } exact: { _, run in
      #expect(Self.lines(run.output).count == 100)
    }
  }

  @Test("explain: linear in the conditions' length, each sub-expression written once")
  func explain() throws {
    try Self.measure("explain", size: 10, outputPerInputByte: 30) { size, workspace in
      let file = try workspace.write("long.regua", Self.longConditions(steps: size, terms: 200))
      let invoice = try workspace.write("invoice.json", Self.invoice)
      return Run(
        arguments: ["explain", file.path, "--invoice", invoice.path, "--on", "2026-01-15", "--json"],
        inputBytes: file.bytes)
    } exact: { _, run in
      #expect(Self.lines(run.output).count == 1)
    }
  }

  @Test("explain: a condition as long as a line costs what its bytes cost")
  func explainLongLine() throws {
    // One step: a condition of 50 terms, then of 200.
    try Self.measure("explain (one line)", size: 50, outputPerInputByte: 30) { size, workspace in
      let file = try workspace.write("long.regua", Self.longConditions(steps: 1, terms: size))
      let invoice = try workspace.write("invoice.json", Self.invoice)
      return Run(
        arguments: ["explain", file.path, "--invoice", invoice.path, "--on", "2026-01-15"], inputBytes: file.bytes)
    } exact: { _, _ in
    }
  }

  @Test("render: linear in the steps, one mark each")
  func render() throws {
    try Self.measure("render", size: 500, outputPerInputByte: 40) { size, workspace in
      let file = try workspace.write("mixed.regua", Self.mixedCadence(steps: size))
      return Run(arguments: ["render", file.path, "--format", "svg"], inputBytes: file.bytes)
    } exact: { size, run in
      let svg = String(decoding: run.output, as: UTF8.self)
      #expect(svg.components(separatedBy: "class=\"mark\"").count - 1 == size)
    }
  }

  @Test("render --invoice: linear in the steps on one channel and day")
  func renderWithInvoice() throws {
    try Self.measure("render --invoice", size: 500, outputPerInputByte: 60) { size, workspace in
      let file = try workspace.write("same-day.regua", Self.sameDayCadence(steps: size))
      let invoice = try workspace.write("invoice.json", Self.invoice)
      return Run(
        arguments: ["render", file.path, "--invoice", invoice.path, "--format", "svg"],
        inputBytes: file.bytes + invoice.bytes)
    } exact: { size, run in
      let svg = String(decoding: run.output, as: UTF8.self)
      #expect(svg.components(separatedBy: "class=\"mark\"").count - 1 == size)
    }
  }
}
