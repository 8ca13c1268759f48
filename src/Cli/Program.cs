using Autoscaler.Cli;

return AutoscalerCli.Run(args, CliContext.FromConsole());
