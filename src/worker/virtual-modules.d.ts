/** The URL of MultiMNIST's digits file, emitted by vite.config.ts's mnistDigits plugin (task-data.ts). */
declare module 'virtual:mnist-digits-url' {
  const url: string;
  export default url;
}
