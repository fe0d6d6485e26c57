# One image per service, from the jar the reactor built: ./mvnw -DskipTests package, then docker compose build.
FROM eclipse-temurin:21-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY ${SERVICE}/target/${SERVICE}.jar /app/service.jar
RUN useradd --system --uid 10001 app
# two malloc arenas instead of up to eight per core: less resident memory, the JVM heap is not malloc'ed
ENV MALLOC_ARENA_MAX=2
USER app
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
