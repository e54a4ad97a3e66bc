import Foundation
import Regua

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `regua plan FILE --invoices PORTFOLIO.jsonl --on DATE [--shard K/N] [--json]`: every invoice
/// of a JSON Lines portfolio planned on one date, streamed in input order.
enum PortfolioRun {
  static func run(
    _ cadence: Cadence, environment: Environment = .standard, path: String, date: CivilDate, shard: Shard?,
    json: Bool, terminal: Terminal
  ) throws -> ExitCode {
    let handle: FileHandle
    if path == "-" {
      handle = FileHandle.standardInput
    } else {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
        let file = FileHandle(forReadingAtPath: path)
      else {
        let reason =
          FileManager.default.fileExists(atPath: path) ? "it is a directory or cannot be read" : "no such file"
        throw CommandFailure(message: "error: cannot read the portfolio \(SafeText.escaped(path)): \(reason)")
      }
      handle = file
    }
    let name = path == "-" ? "<stdin>" : SafeText.escaped(path)
    let showsProgress = isatty(2) == 1
    let portfolio = Portfolio(try Evaluator(cadence, environment: environment))
    var readError: String?
    // `nil`: each plan's JSON line, written straight into the output bytes.
    let render: (@Sendable (ActionPlan) -> String)? = json ? nil : { @Sendable in PortfolioRun.line($0) }
    let renderAccount: (@Sendable (AccountPlan) -> String)? = json ? nil : { @Sendable in PortfolioRun.line($0) }
    func report(_ problem: Portfolio.LineProblem) {
      // On a terminal, the progress line is cleared first so the message starts on its own.
      if showsProgress { terminal.errorBytes(Data("\r\u{1B}[2K".utf8)) }
      terminal.error(RuleLoading.describe(problem.input, at: "\(name):\(problem.line): error: "))
    }
    // Each read returns what is available, and the stream plans and writes the complete lines
    // it brings before the next: a live pipe (`--invoices -`, a FIFO) gets its plans as its
    // lines arrive. `Terminal.output` writes straight to the descriptor, with no buffer between.
    var input = DescriptorInput(descriptor: handle.fileDescriptor)
    let summary = portfolio.stream(
      on: date, shard: shard,
      read: {
        do throws(SystemError) {
          return try input.next()
        } catch {
          readError = error.description
          return nil
        }
      },
      write: { terminal.output($0) },
      problem: report,
      progress: { summary in
        if showsProgress {
          terminal.errorBytes(
            Data("\r\(summary.lines) lines, \(summary.planned) planned, \(summary.problems) bad".utf8))
        }
      },
      render: render, renderAccount: renderAccount)
    if showsProgress { terminal.errorBytes(Data("\n".utf8)) }
    if path != "-" { try? handle.close() }
    if let readError { throw CommandFailure(message: "error: reading \(name): \(readError)") }
    if summary.problems > 0 {
      terminal.error(
        "\(summary.problems) line\(summary.problems == 1 ? "" : "s") could not be planned; \(summary.planned) planned")
      return .failure
    }
    return .success
  }

  /// One account's plan on one line, for people: the customer, what to do, and `next`.
  static func line(_ plan: AccountPlan) -> String {
    let actions =
      plan.actions.isEmpty
      ? "nothing to do" : plan.workOrder.map { SafeText.escaped($0.id) }.joined(separator: ", ")
    return "customer \(SafeText.escaped(plan.customer))  \(actions)  next \(plan.next?.description ?? "none")\n"
  }

  /// One invoice's plan on one line, for people: the invoice, what to do, and `next`.
  static func line(_ plan: ActionPlan) -> String {
    let actions =
      plan.actions.isEmpty
      ? "nothing to do" : plan.actions.map { SafeText.escaped($0.step) }.joined(separator: ", ")
    return "\(SafeText.escaped(plan.invoice))  \(actions)  next \(plan.next?.description ?? "none")\n"
  }
}
