using BenchmarkDotNet.Running;
using Configurator.Benchmarks.Customers;
using Configurator.Benchmarks.Peers;

// Side by side with Gecode and CP-SAT: dotnet run -c Release --project benchmarks/Configurator.Benchmarks -- peers [--quick]
// Orders and customers: see Customers/CustomerCommands.cs.
// Counting beside sharpSAT (whole process, every model of counts.tsv): ... -- counting [--quick]
// Run all: dotnet run -c Release --project benchmarks/Configurator.Benchmarks -- --filter '*'
if (args is ["peers", .. var rest])
{
    return PeerComparison.Run(rest);
}

if (args is ["counting", .. var options])
{
    return CountingComparison.Run(options);
}

// A synthetic order history: ... -- orders samples/models/car.json 5000 > car-orders.jsonl
if (args is ["orders", .. var orderArgs])
{
    return CustomerCommands.Orders(orderArgs);
}

// Each stage of scoring, routing and analysing a million car orders: ... -- customers [COUNT]
if (args is ["customers", .. var customerArgs])
{
    return CustomerCommands.Time(customerArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>The benchmark entry point.</summary>
internal sealed partial class Program;
