using Plumb.Server.Hosting;

var app = PlumbApp.Build(args);
await app.RunAsync();
