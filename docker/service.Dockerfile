# syntax=docker/dockerfile:1
#
# The image of every service; docker-compose.yml builds each service from its module
# directory with its name and port as build arguments. The jar is built by Maven first,
# outside Docker, so the image build neither downloads dependencies nor compiles anything:
#
#   ./mvnw -DskipTests package      # from the repository root
#   docker compose build

FROM eclipse-temurin:17.0.16_8-jre-noble AS layers
ARG SERVICE
WORKDIR /build
COPY target/${SERVICE}.jar app.jar
# Split the executable jar into layers that change at different rates (third-party
# dependencies, the Boot loader, our snapshot modules, the service's own classes), so a
# code change rebuilds and ships only the small last layer.
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17.0.16_8-jre-noble
ARG PORT
RUN groupadd --system shop && useradd --system --gid shop --no-create-home --shell /usr/sbin/nologin shop
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER shop
ENV SERVER_PORT=${PORT}
EXPOSE ${PORT}
# curl ships with the eclipse-temurin Ubuntu images; readiness includes the database and
# the Kafka broker, so "healthy" means the service can actually take work.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 \
	CMD curl -fsS -o /dev/null "http://localhost:${SERVER_PORT}/actuator/health/readiness" || exit 1
# exec form: java is PID 1 and gets SIGTERM, so the graceful shutdown configured in
# application.yml runs on "docker compose stop".
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
