using Microsoft.Extensions.Logging;

namespace Scr.Cli.Infrastructure;

/// <summary>Writes log messages, one line each, to the CLI's standard error (which tests capture).</summary>
internal sealed class WriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new WriterLogger(writer, categoryName);

    public void Dispose()
    {
    }

    private sealed class WriterLogger(TextWriter writer, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            lock (writer)
            {
                writer.WriteLine($"{logLevel.ToString().ToLowerInvariant()}: {category}: {formatter(state, exception)}");
                if (exception is not null)
                {
                    writer.WriteLine(exception.Message);
                }
            }
        }
    }
}
