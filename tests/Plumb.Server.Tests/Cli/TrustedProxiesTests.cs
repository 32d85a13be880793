namespace Plumb.Server.Tests.Cli;

using System.Net;
using Plumb.Cli;
using Plumb.Server.Hosting;

/// <summary>Which reverse proxies' forwarded headers are believed: only the ones named, and a wrong name stops the start.</summary>
public sealed class TrustedProxiesTests
{
    [Fact]
    public void Without_trusted_proxies_no_forwarded_header_is_believed() => Assert.Null(ProxyHeaders.Options(" "));

    [Fact]
    public void Addresses_and_networks_are_the_only_proxies_believed()
    {
        var options = ProxyHeaders.Options("10.0.0.5, 192.168.0.0/16 ::1")!;

        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("::1")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("192.168.0.0/16")], options.KnownIPNetworks);
        Assert.Equal(1, options.ForwardLimit);
    }

    [Fact]
    public async Task Plumb_serve_with_a_trusted_proxy_that_is_no_address_is_bad_input()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await PlumbCli.RunAsync(["serve", "--trusted-proxies", "proxy.acme.example", "--urls", "http://127.0.0.1:0"],
            new CliContext(output, error) { CancellationToken = TestContext.Current.CancellationToken });

        Assert.Equal(2, code);
        Assert.Contains("'proxy.acme.example' is neither an address", error.ToString(), StringComparison.Ordinal);
    }
}
