package org.spikescope.fiji;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.module.ModuleService;
import org.scijava.plugin.PluginService;
import org.spikescope.testplugins.ServiceUsingCommand;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommandRunnerTest {

    @Test
    void servicesAreInjectedAndDefaultsKeptForInputsNotGiven() {
        try (Context context = new Context(PluginService.class, CommandService.class, ModuleService.class,
                LogService.class)) {
            var info = context.service(CommandService.class).getCommand(ServiceUsingCommand.class);
            assertEquals("log x2", CommandRunner.run(context, info, Map.of()).get("result"));
            assertEquals("log x5", CommandRunner.run(context, info, Map.of("N", "5")).get("result"),
                    "parameter names match in any case, as ImageJ macro keys are written");
        }
    }
}
