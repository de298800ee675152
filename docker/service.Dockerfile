# One image recipe for every Palestra service and the gateway. Build the jars first (./mvnw -DskipTests package),
# then: docker compose build. MODULE is the Maven module, e.g. members-service.
FROM eclipse-temurin:17-jre
ARG MODULE
RUN useradd --system --uid 10001 palestra
COPY ${MODULE}/target/${MODULE}.jar /app/app.jar
USER palestra
EXPOSE 8080-8084
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
