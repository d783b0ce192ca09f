// The dated tasks and milestones (every done_by target): when each was completed and the evidence
// its unit reported, or that it never was. The city's tasks are reported by the city (the lead
// departments send them through 市政府办), a county's by the county. Most are done on time; some
// late (zero-proof task 1 was already due when the plan was issued, the credit-pledge rules
// dragged on, the waste regulation needed the province's approval); three never are, and are
// overdue now (late 2026). No deadline in the catalogue lies after 2026, so none is in progress.
export interface Milestone {
  /** the completion date (YYYY-MM-DD); undefined for a task never completed */
  done?: string;
  /** 备注: the evidence (文件名称、文号、会议纪要、网址) */
  evidence?: string;
  /** the month whose report carries it, when not the month it was completed */
  reportIn?: string;
}

const HLD = "http://www.hld.gov.cn";

export const MILESTONES: Record<string, Milestone> = {
  fishing_return_to_port_2020: {
    done: "2020-04-30",
    evidence: "市海洋与渔业局《关于2020年伏季休渔渔船回港情况的报告》：全市休渔渔船已全部回船籍港",
  },
  zp_task_01: {
    done: "2020-03-27",
    evidence: "市营商局赴浙江金华考察报告；《我市创建“零证明”城市工作基础调研报告》（2020年3月）",
  },
  zp_task_02: {
    done: "2020-04-25",
    evidence: "《葫芦岛市创建“零证明”城市工作方案》（葫政办发〔2020〕49号）已印发",
  },
  zp_task_03: {
    done: "2020-04-29",
    evidence: "全市创建“零证明”城市工作部署会议纪要（2020年4月29日）",
  },
  zp_phase_1: { done: "2020-04-30", evidence: "安排部署阶段任务1-3项均已完成，见市营商局阶段总结" },
  zp_task_04: {
    done: "2020-05-15",
    evidence: "市司法局《关于各单位证明事项自查情况的汇总报告》（共梳理证明事项1236项）",
  },
  zp_task_05: {
    done: "2020-06-28",
    evidence: "市政府第12次常务会议纪要（审议通过证明事项清理取消意见）",
  },
  zp_task_06: {
    done: "2020-07-30",
    evidence: `《葫芦岛市第一批取消证明事项清单》已公布，网址：${HLD}/zwgk/tzgg/202007/t20200730_917342.html`,
  },
  zp_task_07: {
    done: "2020-07-24",
    evidence: "“零证明”城市查询核验系统上线试运行，市信息中心验收报告（2020年7月24日）",
  },
  zp_task_08: {
    done: "2020-07-31",
    evidence: "《葫芦岛市“一件事一次办”事项清单及办事指南（第一批）》（葫营商发〔2020〕21号）",
  },
  zp_task_09: {
    done: "2020-09-18",
    evidence: "市发展改革委《各行业领域信用承诺制工作细则汇编》；信用承诺书已在“信用葫芦岛”网站公示",
  },
  zp_task_10: {
    done: "2020-07-28",
    evidence: `一体化政务服务平台升级上线（“好差评”“全市通办”功能），网址：${HLD}/zwfw/`,
  },
  zp_goal_basic_2020_08: {
    done: "2020-08-31",
    evidence: "市创建“零证明”城市工作领导小组第三次会议纪要（2020年8月31日）",
  },
  zp_phase_2: {
    done: "2020-09-25",
    evidence: "有序实施阶段任务4-11项均已完成（任务9于9月18日完成），见市营商局阶段总结",
  },
  zp_task_11: {
    done: "2020-08-21",
    evidence: "“零证明”联络员、代办员专题业务培训班通知及签到表（8月19日至21日，培训420人次）",
  },
  zp_task_12: {
    done: "2020-09-29",
    evidence: "市营商局《关于“零证明”城市创建工作查漏补缺情况的通报》（葫营商发〔2020〕34号）",
  },
  zp_task_13: {
    done: "2020-09-30",
    evidence: "《葫芦岛市“零证明”城市创建典型案例汇编（第一辑）》",
  },
  zp_task_14: {
    done: "2020-10-30",
    evidence: "《葫芦岛市证明事项告知承诺制实施办法》等6项配套制度（葫政办发〔2020〕71号）",
  },
  zp_phase_3: { done: "2020-10-30", evidence: "巩固提升阶段任务12-14项均已完成，见市营商局阶段总结" },
  zp_goal_consolidate_2020_10: {
    done: "2020-10-31",
    evidence: "《葫芦岛市创建“零证明”城市工作经验总结》报省营商局（2020年10月31日）",
  },
  zp_goal_2020: {
    done: "2020-12-18",
    evidence: `省营商局验收通过，我市“零证明”城市创建目标实现，网址：${HLD}/xwzx/jrhld/202012/t20201218_936105.html`,
  },
  waste_plan_2021_2025: {
    done: "2021-03-15",
    evidence: "《葫芦岛市生活垃圾分类工作实施方案（2021-2025年）》（葫政办发〔2021〕9号）",
  },
  waste_urban_experience_2021: {
    done: "2021-12-20",
    evidence: "市生活垃圾分类工作联席会议办公室印发《城区生活垃圾分类典型经验做法汇编》",
    // first sent by 市城管局 without the evidence (a planted mistake), then again with it
    reportIn: "2022-01",
  },
  waste_rural_reduction_2021: {},
  waste_legislation_2021: {
    done: "2022-07-28",
    evidence: "《葫芦岛市生活垃圾分类管理条例》经省人大常委会批准，自2022年10月1日起施行",
  },
  waste_rural_experience_2022: {
    done: "2022-12-23",
    evidence: "市农业农村局、市住房城乡建设局《农村生活垃圾分类经验做法汇编》（2022年12月）",
  },
  waste_system_2025: {
    done: "2026-03-31",
    evidence: "市住房城乡建设局《生活垃圾分类处理系统建设评估报告》（2026年一季度）",
  },
  waste_rural_environment_2025: {},
  lianshan_biomass_chp_15mw: {},
  suizhong_cold_storage_300kt: {
    done: "2025-10-16",
    evidence: "绥中豪远农业30万吨气调库项目竣工验收会议纪要；县发展改革局竣工验收备案（绥发改〔2025〕87号）",
  },
};
