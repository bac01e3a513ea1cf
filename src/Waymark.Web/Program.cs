using Waymark.Web.Cli;

return await WaymarkCli.RunAsync(args);
