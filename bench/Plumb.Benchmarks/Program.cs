namespace Plumb.Benchmarks;

using BenchmarkDotNet.Running;

public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
