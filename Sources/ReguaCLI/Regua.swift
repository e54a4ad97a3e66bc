import Foundation
import Regua

/// The `regua` command-line tool: check, preview and plan collection cadences.
@main
struct ReguaTool {
  static let version = "0.1.0"

  /// Every command, in the order the overview lists them: dispatch, help and suggestions all
  /// derive from this list.
  static let commands: [any Command.Type] = [
    CheckCommand.self, FmtCommand.self, PlanCommand.self, ExplainCommand.self, SimulateCommand.self,
    TestCommand.self, RenderCommand.self, CalendarCommand.self,
  ]

  static func main() {
    var terminal = Terminal()
    let code = run(Array(CommandLine.arguments.dropFirst()), terminal: &terminal)
    exit(code.rawValue)
  }

  /// Runs one command line and returns its exit code.
  static func run(_ arguments: [String], terminal: inout Terminal) -> ExitCode {
    guard let name = arguments.first else {
      terminal.error(Help.overview)
      return .usage
    }
    let rest = Array(arguments.dropFirst())
    switch name {
    case "--help", "-h", "help":
      terminal.print(Help.overview)
      return .success
    case "--version":
      terminal.print("regua \(version)")
      return .success
    default:
      break
    }
    guard let command = commands.first(where: { $0.spec.name == name }) else {
      let known = commands.map { $0.spec.name }
      var message = "error: unknown command `\(SafeText.excerpt(name))`"
      if let guess = Suggestions.closest(to: name, among: known) {
        message += "\nhelp: did you mean `\(guess)`?"
      }
      terminal.error(message + "\n\n" + Help.overview)
      return .usage
    }
    do {
      var parsed = try Arguments(rest, spec: command.spec)
      if parsed.flag("help") {
        terminal.print(command.spec.help)
        return .success
      }
      return try command.run(&parsed, terminal: &terminal)
    } catch let error as UsageError {
      // A usage message is one line that may quote the command line: escaped whole.
      let message = SafeText.escaped(error.message)
      terminal.error("error: \(message)\n\n\(command.spec.usageLine)\nRun `regua \(name) --help` for more.")
      return .usage
    } catch let error as CommandFailure {
      terminal.error(error.message)
      return .failure
    } catch {
      terminal.error("error: \(SafeText.escaped("\(error)"))")
      return .failure
    }
  }
}

/// The tool's exit codes, as the specification pins them.
enum ExitCode: Int32 {
  /// Success.
  case success = 0
  /// A problem in the rules or the input.
  case failure = 1
  /// A usage error: unknown command or flag, missing argument.
  case usage = 2
}

/// A subcommand.
protocol Command: Sendable {
  static var spec: CommandSpec { get }
  static func run(_ arguments: inout Arguments, terminal: inout Terminal) throws -> ExitCode
}

/// A failure already explained to the user (diagnostics, input errors): exit 1.
struct CommandFailure: Error {
  var message: String
}
