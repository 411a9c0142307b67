package org.citygrid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** CityGrid: the digital urban-management platform of a city's urban-management bureau (城市管理局). */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
public class CityGridApplication {

    public static void main(String[] args) {
        SpringApplication.run(CityGridApplication.class, args);
    }
}
