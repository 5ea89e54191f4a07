using Spectre.Console;

namespace GraphIntel.Seed.Load;

/// <summary>Runs the named stages of a load, showing each as it goes.</summary>
internal interface IStageRunner
{
    Task<T> RunAsync<T>(string description, Func<Task<T>> stage);
}

/// <summary>
/// Shows the stages of a load: a live Spectre.Console progress display when stdout is a terminal, plain lines
/// otherwise (logs and pipes should not fill with redraws).
/// </summary>
internal static class LoadProgress
{
    public static Task<T> RunAsync<T>(SeedConsole console, Func<IStageRunner, Task<T>> work) =>
        console.IsTerminal
            ? console.Ansi.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
                .StartAsync(ctx => work(new LiveStages(ctx)))
            : work(new PlainStages(console.Out));

    private sealed class LiveStages(ProgressContext context) : IStageRunner
    {
        public async Task<T> RunAsync<T>(string description, Func<Task<T>> stage)
        {
            var task = context.AddTask(Markup.Escape(description));
            task.IsIndeterminate = true;
            var result = await stage().ConfigureAwait(false);
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
            return result;
        }
    }

    private sealed class PlainStages(TextWriter output) : IStageRunner
    {
        public async Task<T> RunAsync<T>(string description, Func<Task<T>> stage)
        {
            await output.WriteLineAsync(description + "…").ConfigureAwait(false);
            return await stage().ConfigureAwait(false);
        }
    }
}
