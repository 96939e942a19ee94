using Hangfire.Logging;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace RiskMap.Web.Features.Jobs;

/// <summary>
/// Hangfire's log written to the host's logging. Hangfire keeps one log provider per process; where a process runs
/// several hosts one after another (the tests), a host that has stopped no longer takes log lines, and they are dropped
/// instead of failing the job that wrote them.
/// </summary>
public sealed class HangfireLogs(ILoggerFactory loggers) : ILogProvider
{
    public ILog GetLogger(string name) => new HostLog(loggers, name);

    private sealed class HostLog(ILoggerFactory loggers, string name) : ILog
    {
        private ILogger? _logger;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                var logger = _logger ??= loggers.CreateLogger(name);
                var level = logLevel switch
                {
                    Hangfire.Logging.LogLevel.Trace => MsLogLevel.Trace,
                    Hangfire.Logging.LogLevel.Debug => MsLogLevel.Debug,
                    Hangfire.Logging.LogLevel.Info => MsLogLevel.Information,
                    Hangfire.Logging.LogLevel.Warn => MsLogLevel.Warning,
                    Hangfire.Logging.LogLevel.Error => MsLogLevel.Error,
                    _ => MsLogLevel.Critical,
                };
                if (messageFunc is null) return logger.IsEnabled(level);
                if (logger.IsEnabled(level)) logger.Log(level, exception, "{Message}", messageFunc());
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
